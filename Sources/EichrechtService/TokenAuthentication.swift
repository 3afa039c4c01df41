import HTTPTypes
import Hummingbird

/// Lets a `/v1` request in only with `Authorization: Token <token>` (the OCPI style) or
/// `Bearer <token>` naming one of the configured tokens; otherwise 401. The token is compared in
/// constant time and appears in no answer and no log line.
struct TokenAuthentication<Context: RequestContext>: RouterMiddleware {
    let tokens: AccessTokens

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard tokens.isEnabled else { return try await next(request, context) }
        guard let header = request.headers[.authorization], let token = TokenAuthentication.token(in: header),
            tokens.accepts(token)
        else {
            throw ProblemDetails(
                .unauthorized, detail: "a valid access token is required: Authorization: Token <token>",
                headers: [.wwwAuthenticate: #"Token realm="eichrecht", Bearer realm="eichrecht""#])
        }
        return try await next(request, context)
    }

    /// The credentials of `Token <t>` or `Bearer <t>` (the scheme in any letter case).
    static func token(in header: String) -> Substring.UTF8View? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let scheme = parts[0].lowercased()
        guard scheme == "token" || scheme == "bearer" else { return nil }
        let credentials = parts[1].drop { $0 == " " }
        return credentials.isEmpty ? nil : credentials.utf8
    }
}
