#!/usr/bin/env python3
"""Reference models of roster-problem/1 for the benchmark (never used by tests).

    reference.py cpsat|highs PROBLEM.json SECONDS [ROSTER_OUT.json]   -> one JSON line: {"total", "bound", "status"}

The same 0-1 model in OR-Tools CP-SAT and in HiGHS: x[v,s] for pairs that pass skill,
availability and units; capacity; pairwise no-overlap with travel; load; pins. Fairness
sum n_v^2 is linearised with marginal variables y[v,k] costing (2k-1) (convex, so exact).
"""
import json
import sys
from datetime import datetime


def ms(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def build(problem):
    w = problem["weights"]
    travel = problem["travel_minutes"] * 60000
    vols = problem["volunteers"]
    shifts = problem["shifts"]
    for s in shifts:
        s["_s"], s["_e"] = ms(s["start"]), ms(s["end"])
        s.setdefault("priority", 1)
        s.setdefault("units", [])
    pairs = {}
    by_vol = {}
    for vi, v in enumerate(vols):
        avail = [(ms(a["start"]), ms(a["end"])) for a in v["available"]]
        skills = set(v["skills"])
        for si, s in enumerate(shifts):
            if s["skill"] not in skills:
                continue
            if s["units"] and v.get("unit") not in s["units"]:
                continue
            if not any(a <= s["_s"] and s["_e"] <= b for a, b in avail):
                continue
            cost = -w["unfilled"] * s["priority"] + (w["away"] if v["community"] != s["community"] else 0)
            pairs[(vi, si)] = cost
            by_vol.setdefault(vi, []).append(si)
    conflicts = []
    for vi, lst in by_vol.items():
        lst.sort(key=lambda si: shifts[si]["_s"])
        for i, a in enumerate(lst):
            for b in lst[i + 1:]:
                A, B = shifts[a], shifts[b]
                if B["_s"] >= A["_e"] + travel:
                    break
                gap = 0 if A["community"] == B["community"] else travel
                if A["_s"] == B["_s"] or B["_s"] < A["_e"] + gap:
                    conflicts.append((vi, a, b))
    sid = {s["id"]: i for i, s in enumerate(shifts)}
    vid = {v["id"]: i for i, v in enumerate(vols)}
    previous = {(vid[p["volunteer"]], sid[p["shift"]]) for p in problem.get("previous", [])}
    pinned = {(vid[p["volunteer"]], sid[p["shift"]]) for p in problem.get("pinned", [])}
    const = w["unfilled"] * sum(s["required"] * s["priority"] for s in shifts) + w["change"] * len(previous)
    for key in previous:
        if key in pairs:
            pairs[key] -= w["change"]
    return w, vols, shifts, pairs, by_vol, conflicts, pinned, const


def caps(vols, shifts, by_vol):
    out = {}
    for vi, lst in by_vol.items():
        durs = sorted(shifts[si]["_e"] - shifts[si]["_s"] for si in lst)
        limit, total, k = vols[vi]["max_minutes"] * 60000, 0, 0
        for d in durs:
            total += d
            if total > limit:
                break
            k += 1
        out[vi] = k
    return out


def cpsat(problem, seconds):
    from ortools.sat.python import cp_model
    w, vols, shifts, pairs, by_vol, conflicts, pinned, const = build(problem)
    m = cp_model.CpModel()
    x = {k: m.NewBoolVar("") for k in pairs}
    for si, s in enumerate(shifts):
        m.Add(sum(x[(vi, si)] for vi in range(len(vols)) if (vi, si) in x) <= s["required"])
    for vi, a, b in conflicts:
        m.AddBoolOr([x[(vi, a)].Not(), x[(vi, b)].Not()])
    for vi, lst in by_vol.items():
        m.Add(sum((shifts[si]["_e"] - shifts[si]["_s"]) // 60000 * x[(vi, si)] for si in lst) <= vols[vi]["max_minutes"])
    for key in pinned:
        if key not in x:
            return {"total": None, "bound": None, "status": "pins infeasible"}
        m.Add(x[key] == 1)
    obj = [c * x[k] for k, c in pairs.items()]
    for vi, k in caps(vols, shifts, by_vol).items():
        ys = [m.NewBoolVar("") for _ in range(k)]
        for a, b in zip(ys, ys[1:]):
            m.AddImplication(b, a)
        m.Add(sum(ys) == sum(x[(vi, si)] for si in by_vol[vi]))
        obj += [w["fairness"] * (2 * i + 1) * y for i, y in enumerate(ys)]
    m.Minimize(sum(obj))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    st = solver.Solve(m)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"total": None, "bound": None, "status": solver.StatusName(st)}
    result = {"total": int(round(solver.ObjectiveValue())) + const, "bound": int(-(-solver.BestObjectiveBound() // 1)) + const,
              "status": solver.StatusName(st)}
    if len(sys.argv) > 4:  # optional: write the roster's assignments for inspection
        write_roster([{"shift": shifts[si]["id"], "volunteer": vols[vi]["id"]} for (vi, si), var in x.items() if solver.Value(var)], sys.argv[4])
    return result


def highs(problem, seconds):
    import highspy
    import numpy as np
    w, vols, shifts, pairs, by_vol, conflicts, pinned, const = build(problem)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(seconds))
    h.setOptionValue("threads", 2)
    keys = list(pairs)
    idx = {k: i for i, k in enumerate(keys)}
    inf = highspy.kHighsInf
    for k in keys:
        lo = 1.0 if k in pinned else 0.0
        h.addVar(lo, 1.0)
        h.changeColCost(idx[k], pairs[k])
    h.changeColsIntegrality(len(keys), np.arange(len(keys), dtype=np.int32), np.full(len(keys), 1, dtype=np.uint8))
    n = len(keys)
    def row(cols, coefs, lo, hi):
        h.addRow(lo, hi, len(cols), np.array(cols, dtype=np.int32), np.array(coefs, dtype=np.float64))
    per_shift = {}
    for (vi, si) in keys:
        per_shift.setdefault(si, []).append(idx[(vi, si)])
    for si, cols in per_shift.items():
        row(cols, [1.0] * len(cols), -inf, shifts[si]["required"])
    for vi, a, b in conflicts:
        row([idx[(vi, a)], idx[(vi, b)]], [1.0, 1.0], -inf, 1.0)
    for vi, lst in by_vol.items():
        row([idx[(vi, si)] for si in lst], [(shifts[si]["_e"] - shifts[si]["_s"]) / 60000 for si in lst], -inf, vols[vi]["max_minutes"])
    for vi, k in caps(vols, shifts, by_vol).items():
        first = n
        for i in range(k):
            h.addVar(0.0, 1.0)
            h.changeColCost(n, w["fairness"] * (2 * i + 1))
            n += 1
        cols = [idx[(vi, si)] for si in by_vol[vi]] + list(range(first, n))
        row(cols, [1.0] * len(by_vol[vi]) + [-1.0] * k, 0.0, 0.0)
    for key in pinned:
        if key not in idx:
            return {"total": None, "bound": None, "status": "pins infeasible"}
    h.run()
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    if info.primal_solution_status == 0:
        return {"total": None, "bound": None, "status": status}
    if len(sys.argv) > 4:  # optional: write the roster's assignments for inspection
        values = h.getSolution().col_value
        chosen = [{"shift": shifts[si]["id"], "volunteer": vols[vi]["id"]} for (vi, si) in keys if values[idx[(vi, si)]] > 0.5]
        write_roster(chosen, sys.argv[4])
    return {"total": int(round(info.objective_function_value)) + const,
            "bound": int(-(-info.mip_dual_bound // 1)) + const, "status": status}


def write_roster(pairs, path):
    """A roster/1 file of the pairs with blank claims: `lianjian check` recomputes the score."""
    json.dump({"format": "roster/1", "assignments": pairs, "unfilled": [],
               "score": {"unfilled": 0, "away": 0, "fairness": 0, "change": 0, "total": 0}}, open(path, "w"))


if __name__ == "__main__":
    kind, path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    problem = json.load(open(path))
    result = cpsat(problem, seconds) if kind == "cpsat" else highs(problem, seconds)
    print(json.dumps(result))
