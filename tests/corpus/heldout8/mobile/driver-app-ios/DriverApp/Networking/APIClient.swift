import Foundation
import CryptoKit

enum APIEnvironment {
    case staging, production

    var baseURL: URL {
        switch self {
        case .staging: return URL(string: "https://driver-api.staging.brightwharf.com")!
        case .production: return URL(string: "https://driver-api.brightwharf.com")!
        }
    }
}

final class APIClient {
    static let shared = APIClient(environment: .production)

    // Request signing secret shared with driver-api (HMAC-SHA256 over method+path+body).
    // FIXME: should come from the device enrolment flow, not be baked into the binary.
    private static let signingSecret = "khKpGOQzK27FFSS4XACrY1wWmif1W2uzq28Z5cPS"

    private let environment: APIEnvironment
    private let session: URLSession
    var bearerToken: String?

    init(environment: APIEnvironment, session: URLSession = .shared) {
        self.environment = environment
        self.session = session
    }

    func request(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        var req = URLRequest(url: environment.baseURL.appendingPathComponent(path))
        req.httpMethod = method
        req.httpBody = body
        req.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token = bearerToken {
            req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        let ts = String(Int(Date().timeIntervalSince1970))
        let payload = Data((method + path + ts).utf8) + (body ?? Data())
        let key = SymmetricKey(data: Data(Self.signingSecret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        req.setValue(ts, forHTTPHeaderField: "X-BW-Timestamp")
        req.setValue(mac.map { String(format: "%02x", $0) }.joined(), forHTTPHeaderField: "X-BW-Signature")

        let (data, response) = try await session.data(for: req)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw URLError(.badServerResponse)
        }
        return data
    }
}
