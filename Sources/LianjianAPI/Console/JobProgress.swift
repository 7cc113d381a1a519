import Foundation
import LianjianStore

/// A job as its progress bar shows it: the phase in words, the share of the time budget used,
/// the best roster so far, and a failure's reason in the reader's language.
struct JobProgress {
    var values: [String: Any]

    init(_ job: JobRepository.Job, language: Language) {
        let t = ConsoleText.strings(language)
        let phase = job.state == "queued" ? "queued" : job.progress?.phase ?? "reading"
        var values: [String: Any] = [
            "state": job.state,
            "percent": job.state == "succeeded" ? 100 : job.progress?.percent ?? 0,
            "phase_text": t["phase_\(phase)"] ?? phase,
            "failed": job.state == "failed",
        ]
        if let best = job.progress?.best {
            let bound = job.progress?.bound.map { (t["bound_text"] ?? "").replacingOccurrences(of: "{n}", with: "\($0)") } ?? ""
            values["best_text"] = (t["best_text"] ?? "").replacingOccurrences(of: "{n}", with: "\(best)") + bound
        }
        if let error = job.error { values["error"] = Messages.localise(error.message, to: language) }
        self.values = values
    }
}
