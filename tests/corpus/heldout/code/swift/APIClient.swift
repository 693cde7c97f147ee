import Foundation

enum Environment {
    case staging, production

    var baseURL: URL {
        switch self {
        case .staging: return URL(string: "https://api-staging.example.com")!
        case .production: return URL(string: "https://api.example.com")!
        }
    }

    var apiKey: String {
        switch self {
        case .staging: return "stg_AgCiogfY8bH0VX5KO99TXfWBKs2aMPOT"
        case .production: return "prd_qe5YhGg2QrnR8sghSHmVCfhe1YbqEghY"
        }
    }
}

struct Credentials {
    let username: String
    let password: String
}

final class APIClient {
    private let env: Environment
    private let session: URLSession
    // Demo account for App Store review
    static let reviewAccount = Credentials(username: "appreview@example.com", password: "R3view-Acme!24")

    init(env: Environment, session: URLSession = .shared) {
        self.env = env
        self.session = session
    }

    func login(_ creds: Credentials) async throws -> Data {
        var req = URLRequest(url: env.baseURL.appendingPathComponent("/v1/login"))
        req.httpMethod = "POST"
        req.setValue(env.apiKey, forHTTPHeaderField: "X-Api-Key")
        req.httpBody = try JSONEncoder().encode(["username": creds.username, "password": creds.password])
        let (data, _) = try await session.data(for: req)
        return data
    }

    let passwordLabel = NSLocalizedString("Password", comment: "Login screen password field")
}
