import Foundation
import Hummingbird
import LianjianStore

/// `GET /v1/jobs/{id}`: background work as its owner follows it.
struct JobController {
    let database: Database

    /// A job, with the draft it made once a generation is done.
    struct Body: Encodable {
        var job: JobRepository.Job
        var version: RosterRepository.Version?

        func encode(to encoder: any Encoder) throws {
            try job.encode(to: encoder)
            enum Keys: String, CodingKey { case version }
            var c = encoder.container(keyedBy: Keys.self)
            if let version { try c.encode(version, forKey: .version) }
        }
    }

    /// `202 Accepted` with the job and `Location: /v1/jobs/{id}`.
    static func accepted(_ job: JobRepository.Job) -> Response {
        var response = JSON.response(Body(job: localised(job)), status: .accepted)
        response.headers[.location] = "/v1/jobs/\(job.id.uuidString.lowercased())"
        return response
    }

    /// A failed job's message in the reader's language, as every other error.
    static func localised(_ job: JobRepository.Job) -> JobRepository.Job {
        var job = job
        if let error = job.error { job.error?.message = Messages.localise(error.message, to: Language.current) }
        return job
    }

    func register(on v1: RouterGroup<AppContext>) {
        v1.get("jobs/:id") { _, context in
            let job = try await JobRepository(database).get(try pathID(context, "job"))
            var version: RosterRepository.Version?
            if job.kind == .generateRoster, job.state == "succeeded", let id = job.result?["version_id"].flatMap(UUID.init(uuidString:)) {
                version = try? await RosterRepository(database).get(id)
            }
            return JSON.response(Body(job: Self.localised(job), version: version))
        }
    }
}
