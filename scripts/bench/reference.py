#!/usr/bin/env python3
"""Reference models of roster-problem/1 for the benchmark (never used by tests).

    reference.py cpsat|highs PROBLEM.json SECONDS [ROSTER_OUT.json]   -> one JSON line: {"total", "bound", "status"}

The same 0-1 model in OR-Tools CP-SAT and in HiGHS: x[v,s] for pairs that pass skill,
availability and units; capacity; no overlap with travel (at most one of the shifts running at
each start, and of each pair too close for the travel between them); load; pins. Fairness
sum n_v^2 is linearised with marginal variables y[v,k] costing (2k-1) (convex, so exact).
Both start from the benchmark's most-constrained-first greedy roster (a hint for CP-SAT; a
MIP start for HiGHS on large problems only, as it slows HiGHS down on M), so on large
problems, where their own search barely starts in the time given, they still report a
roster: the greedy one or what they made of it. The models
are built in bulk (arrays, not one call per variable), so L fits in memory and in minutes.
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
    by_skill = {}
    for si, s in enumerate(shifts):
        by_skill.setdefault(s["skill"], []).append(si)
    for vi, v in enumerate(vols):
        avail = [(ms(a["start"]), ms(a["end"])) for a in v["available"]]
        for si in sorted(si for skill in set(v["skills"]) for si in by_skill.get(skill, [])):
            s = shifts[si]
            if s["units"] and v.get("unit") not in s["units"]:
                continue
            if not any(a <= s["_s"] and s["_e"] <= b for a, b in avail):
                continue
            cost = -w["unfilled"] * s["priority"] + (w["away"] if v["community"] != s["community"] else 0)
            pairs[(vi, si)] = cost
            by_vol.setdefault(vi, []).append(si)
    # No overlap, as cliques (at most one of them): per volunteer and shift start, the shifts
    # running at that instant; then the pairs that do not overlap but leave too little travel.
    # Far fewer rows than every clashing pair (L has ~12 million of those).
    conflicts = []
    for vi, lst in by_vol.items():
        lst.sort(key=lambda si: shifts[si]["_s"])
        last = None
        longest = max(shifts[si]["_e"] - shifts[si]["_s"] for si in lst)
        for i, a in enumerate(lst):
            A = shifts[a]
            running = []
            for b in reversed(lst[:i + 1]):
                if shifts[b]["_s"] + longest <= A["_s"]:
                    break
                if A["_s"] < shifts[b]["_e"]:
                    running.append(b)
            for b in lst[i + 1:]:
                if shifts[b]["_s"] != A["_s"]:
                    break
                running.append(b)
            running.sort()
            if len(running) > 1 and running != last:
                conflicts.append((vi, running))
                last = running
            for b in lst[i + 1:]:
                B = shifts[b]
                if B["_s"] >= A["_e"] + travel:
                    break
                if B["_s"] >= A["_e"] and A["community"] != B["community"]:
                    conflicts.append((vi, [a, b]))
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


def greedy(vols, shifts, by_vol, conflicts, pinned):
    """Most-constrained-first first fit (as `roster-bench greedy`), after the pins: a start."""
    clash = {}
    for vi, clique in conflicts:
        for a in clique:
            clash.setdefault((vi, a), set()).update(b for b in clique if b != a)
    eligible = {}
    for vi, lst in by_vol.items():
        for si in lst:
            eligible.setdefault(si, []).append(vi)
    taken = {vi: [] for vi in by_vol}
    load = {vi: 0 for vi in by_vol}
    fill = {}
    chosen = set()
    def fits(vi, si):
        d = shifts[si]["_e"] - shifts[si]["_s"]
        return load[vi] + d <= vols[vi]["max_minutes"] * 60000 and not (clash.get((vi, si), set()) & set(taken[vi]))
    def take(vi, si):
        chosen.add((vi, si))
        taken[vi].append(si)
        load[vi] += shifts[si]["_e"] - shifts[si]["_s"]
        fill[si] = fill.get(si, 0) + 1
    for vi, si in sorted(pinned):
        take(vi, si)
    order = sorted(range(len(shifts)), key=lambda si: (-shifts[si]["priority"], len(eligible.get(si, [])), si))
    for si in order:
        for vi in sorted(eligible.get(si, [])):
            if fill.get(si, 0) >= shifts[si]["required"]:
                break
            if (vi, si) not in chosen and fits(vi, si):
                take(vi, si)
    return chosen


def score(w, pairs, const, chosen):
    """The total of a roster given as (volunteer, shift) pairs, in the model's terms."""
    counts = {}
    for vi, _ in chosen:
        counts[vi] = counts.get(vi, 0) + 1
    return const + sum(pairs[k] for k in chosen) + w["fairness"] * sum(c * c for c in counts.values())


def fallback(w, pairs, const, start, status):
    """What a reference reports when its solver returns no roster: the greedy start it was given."""
    return {"total": score(w, pairs, const, start), "bound": None, "status": f"{status}: no roster of its own, its greedy start"}


def cpsat(problem, seconds):
    from ortools.sat.python import cp_model
    w, vols, shifts, pairs, by_vol, conflicts, pinned, const = build(problem)
    if any(key not in pairs for key in pinned):
        return {"total": None, "bound": None, "status": "pins infeasible"}
    start = greedy(vols, shifts, by_vol, conflicts, pinned)
    m = cp_model.CpModel()
    x = {k: m.NewBoolVar("") for k in pairs}
    per_shift = {}
    for (vi, si), var in x.items():
        per_shift.setdefault(si, []).append(var)
    for si, vs in per_shift.items():
        m.Add(sum(vs) <= shifts[si]["required"])
    for vi, clique in conflicts:
        m.AddAtMostOne([x[(vi, si)] for si in clique])
    for vi, lst in by_vol.items():
        m.Add(sum((shifts[si]["_e"] - shifts[si]["_s"]) // 60000 * x[(vi, si)] for si in lst) <= vols[vi]["max_minutes"])
    for key in pinned:
        m.Add(x[key] == 1)
    for key, var in x.items():
        m.AddHint(var, 1 if key in start else 0)
    obj = [c * x[k] for k, c in pairs.items()]
    counts = {}
    for vi, _ in start:
        counts[vi] = counts.get(vi, 0) + 1
    for vi, k in caps(vols, shifts, by_vol).items():
        ys = [m.NewBoolVar("") for _ in range(k)]
        for a, b in zip(ys, ys[1:]):
            m.AddImplication(b, a)
        m.Add(sum(ys) == sum(x[(vi, si)] for si in by_vol[vi]))
        for i, y in enumerate(ys):
            m.AddHint(y, 1 if i < counts.get(vi, 0) else 0)
        obj += [w["fairness"] * (2 * i + 1) * y for i, y in enumerate(ys)]
    m.Minimize(sum(obj))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    st = solver.Solve(m)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return fallback(w, pairs, const, start, solver.StatusName(st))
    result = {"total": int(round(solver.ObjectiveValue())) + const, "bound": int(-(-solver.BestObjectiveBound() // 1)) + const,
              "status": solver.StatusName(st)}
    if len(sys.argv) > 4:  # optional: write the roster's assignments for inspection
        write_roster([{"shift": shifts[si]["id"], "volunteer": vols[vi]["id"]} for (vi, si), var in x.items() if solver.Value(var)], sys.argv[4])
    return result


def highs(problem, seconds):
    import highspy
    import numpy as np
    w, vols, shifts, pairs, by_vol, conflicts, pinned, const = build(problem)
    if any(key not in pairs for key in pinned):
        return {"total": None, "bound": None, "status": "pins infeasible"}
    start = greedy(vols, shifts, by_vol, conflicts, pinned)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(seconds))
    h.setOptionValue("threads", 2)
    keys = list(pairs)
    idx = {k: i for i, k in enumerate(keys)}
    n = len(keys)
    large = n > 400_000
    if large:
        # On L (~800,000 pairs) presolve's clique table runs for many minutes past the time
        # limit; without it HiGHS stops in time, with its root LP bound.
        h.setOptionValue("presolve", "off")
    # Columns: x (binary) for each pair, then y[v,k] (continuous in [0, 1]; convex costs make them exact).
    cap = caps(vols, shifts, by_vol)
    ycost, yfirst = [], {}
    for vi, k in cap.items():
        yfirst[vi] = n + len(ycost)
        ycost += [w["fairness"] * (2 * i + 1) for i in range(k)]
    total = n + len(ycost)
    lower = np.zeros(total)
    lower[[idx[k] for k in pinned]] = 1.0
    h.addVars(total, lower, np.ones(total))
    h.changeColsCost(total, np.arange(total, dtype=np.int32), np.array([float(pairs[k]) for k in keys] + ycost))
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.full(n, 1, dtype=np.uint8))
    starts, index, value, lo, hi = [], [], [], [], []
    def row(cols, coefs, a, b):
        starts.append(len(index))
        index.extend(cols)
        value.extend(coefs)
        lo.append(a)
        hi.append(b)
    inf = highspy.kHighsInf
    per_shift = {}
    for (vi, si) in keys:
        per_shift.setdefault(si, []).append(idx[(vi, si)])
    for si, cols in per_shift.items():
        row(cols, [1.0] * len(cols), -inf, shifts[si]["required"])
    for vi, clique in conflicts:
        row([idx[(vi, si)] for si in clique], [1.0] * len(clique), -inf, 1.0)
    for vi, lst in by_vol.items():
        row([idx[(vi, si)] for si in lst], [(shifts[si]["_e"] - shifts[si]["_s"]) / 60000 for si in lst], -inf, vols[vi]["max_minutes"])
    for vi, k in cap.items():
        cols = [idx[(vi, si)] for si in by_vol[vi]] + list(range(yfirst[vi], yfirst[vi] + k))
        row(cols, [1.0] * len(by_vol[vi]) + [-1.0] * k, 0.0, 0.0)
    h.addRows(len(lo), np.array(lo), np.array(hi), len(index), np.array(starts, dtype=np.int32),
              np.array(index, dtype=np.int32), np.array(value))
    # The greedy roster as a MIP start, only where HiGHS would otherwise have nothing to show:
    # on M it slows HiGHS down (ample M: stuck at the start for 60 s, optimal in 11 s without).
    if large:
        start_from(h, highspy, np, total, idx, yfirst, start)
    h.run()
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    if info.primal_solution_status == 0:
        return fallback(w, pairs, const, start, status)
    if len(sys.argv) > 4:  # optional: write the roster's assignments for inspection
        values = h.getSolution().col_value
        chosen = [{"shift": shifts[si]["id"], "volunteer": vols[vi]["id"]} for (vi, si) in keys if values[idx[(vi, si)]] > 0.5]
        write_roster(chosen, sys.argv[4])
    return {"total": int(round(info.objective_function_value)) + const,
            "bound": int(-(-info.mip_dual_bound // 1)) + const, "status": status}


def start_from(h, highspy, np, total, idx, yfirst, start):
    """Gives HiGHS the roster `start` as a MIP start: x from its pairs, y from each volunteer's count."""
    guess = np.zeros(total)
    counts = {}
    for key in start:
        guess[idx[key]] = 1.0
        counts[key[0]] = counts.get(key[0], 0) + 1
    for vi, c in counts.items():
        guess[yfirst[vi]:yfirst[vi] + c] = 1.0
    solution = highspy.HighsSolution()
    solution.col_value = list(guess)
    solution.value_valid = True
    h.setSolution(solution)


def write_roster(pairs, path):
    """A roster/1 file of the pairs with blank claims: `lianjian check` recomputes the score."""
    json.dump({"format": "roster/1", "assignments": pairs, "unfilled": [],
               "score": {"unfilled": 0, "away": 0, "fairness": 0, "change": 0, "total": 0}}, open(path, "w"))


if __name__ == "__main__":
    kind, path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    problem = json.load(open(path))
    result = cpsat(problem, seconds) if kind == "cpsat" else highs(problem, seconds)
    print(json.dumps(result))
