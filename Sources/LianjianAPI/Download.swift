import Foundation
import Hummingbird
import NIOCore

/// Responses that are files: CSV for Excel, calendar feeds, printable pages, pictures.
enum Download {
    /// `data` as `type`; with a `name`, browsers save it under that name.
    static func response(_ data: Data, type: String, name: String?) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
