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

    /// The JSON object of the answer.
    public var json: [UInt8] {
        var object: [String: JSONScalar] = [
            "type": .text("about:blank"),
            "title": .text(status.reasonPhrase),
            "status": .number(status.code),
            "detail": .text(detail),
        ]
        if let line { object["line"] = .number(line) }
        if let column { object["column"] = .number(column) }
        if let offset { object["offset"] = .number(offset) }
        return JSONScalar.object(object)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = ProblemDetails.mediaType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// The few JSON values the service writes itself (problem answers, `/health`).
enum JSONScalar {
    case text(String)
    case number(Int)

    /// A JSON object of these values, members in name order.
    static func object(_ members: [String: JSONScalar]) -> [UInt8] {
        let body = members.sorted { $0.key < $1.key }.map { key, value in
            quoted(key) + ":" + value.text
        }
        return Array(("{" + body.joined(separator: ",") + "}\n").utf8)
    }

    var text: String {
        switch self {
        case .text(let string): JSONScalar.quoted(string)
        case .number(let number): String(number)
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c == "\u{2028}" || c == "\u{2029}":
                out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
