import Eichrecht
import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1

/// An error answer as RFC 9457 `application/problem+json`: `type`, `title`, `status`, `detail`,
/// and for an unreadable body the position (`line`, `column`, `offset`) where reading stopped.
public struct ProblemDetails: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// What went wrong, for a person.
    public var detail: String
    /// Where an unreadable body stops being readable.
    public var line: Int?
    public var column: Int?
    public var offset: Int?
    /// Extra headers (`WWW-Authenticate` on 401, `Retry-After` on 503).
    public var headers: HTTPFields = [:]

    /// A problem with `status` and a `detail` for a person.
    public init(_ status: HTTPResponse.Status, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.headers = headers
    }

    /// A body that cannot be read as any input `eichrecht verify` knows (400), naming the position.
    public init(unreadable error: InputError) {
        self.init(.badRequest, detail: "the body cannot be read: \(error.reason)")
        line = error.line
        column = error.column
        offset = error.offset
    }

    /// A body that did not arrive whole: the client closed the connection before its end (499,
    /// nginx's "client closed request": nobody reads the answer, but the log and the metrics tell
    /// it apart from a fault of the service), or its HTTP framing is broken (400).
    init(bodyNotReceived error: HTTPParserError) {
        if error == .invalidEOFState {
            self.init(
                ProblemDetails.clientClosedRequest, detail: "the client closed the connection before the body's end")
        } else {
            self.init(.badRequest, detail: "the body's HTTP framing is broken: \(error)")
        }
    }

    /// 499, the status of a request whose client went away (no HTTP status says it).
    static let clientClosedRequest = HTTPResponse.Status(code: 499, reasonPhrase: "Client Closed Request")

    static let mediaType = "application/problem+json"

    /// The JSON object of the answer, members in name order, with a final line end.
    public var json: [UInt8] {
        var members: [(key: String, value: JSONValue)] = [
            ("type", .string("about:blank")), ("title", .string(status.reasonPhrase)),
            ("status", .number(String(status.code))), ("detail", .string(detail)),
        ]
        if let line { members.append(("line", .number(String(line)))) }
        if let column { members.append(("column", .number(String(column)))) }
        if let offset { members.append(("offset", .number(String(offset)))) }
        return JSONValue.object(members.sorted { $0.key < $1.key }).compactText + [0x0A]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = ProblemDetails.mediaType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }
}
