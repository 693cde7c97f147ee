import Foundation

enum APIConfig {
    static let baseURL = URL(string: "https://api.acme-corp.io/mobile/v3")!
    static let googleClientID = "845655757895-1jxysuf1q74n52nec9tcez84mr3li1se.apps.googleusercontent.com"
    // TODO: move to the keychain before the 4.0 release
    static let serviceToken = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjYwYzU3ZWQwOWNiZjhhZjgifQ.eyJzdWIiOiJkNGE1NmYyZC02NzQyLTQyNTctYmQ5NC05Y2FhMTY4NTNjMzYiLCJlbWFpbCI6ImEubGluZHF2aXN0QGFjbWUtY29ycC5pbyIsInJvbGVzIjpbInVzZXIiLCJiaWxsaW5nOnJlYWQiXSwiaWF0IjoxNzE1Mjk2NDEwLCJleHAiOjE3MTgwMTkzNjEsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLWNvcnAuaW8vIiwiYXVkIjoib3JkZXJzLWFwaSJ9.2jluQltZg-OFj5j5PX1qh7qjLeHjWr4_7C0M3g9RYXyokV0x1fJp6kPUEyYgtbqEtmDFnGXBuXovvzY-qybGC8OBYrUo9GHXnfZi7MZaGYfIesInfjU3HBqsWFgh4WpHgh_3mozP30SRTQ86eqrIPhvI23NrzHFc3Y1JpZ8Ai44A45mT0MHjyE3CuqCg1u7NULK38e75g3kP0Xt-zq_c-tNkCeWxlri6QzrXH19xINtIc0D2oj8Yvw1vVFmd3AV57gHb8NpXSc37zwFkSecDWh1K0cOQsrKWKruag6cmuKwv2772nbVTTo7FRXbggBerZrlYgx9k3mnvM5ZofwY3vy"
    static let fcmServerKey = "AAAAdBaWuCr:APA91b6O1xFWtvKaidMmylAFGuR-SINFfNItGYSOMk47NsrN407rsdfjtM72PzTMrczs_KRxl2OXAs1viit4-OkKTAO4cBk81lktLpgvUmtZ4z-BD8_ZkF6Iath36x1IZ9KptAroYtsz"
}

final class APIClient {
    private let session: URLSession

    init(session: URLSession = .shared) {
        self.session = session
    }

    func request(_ path: String, method: String = "GET", body: Data? = nil) async throws -> Data {
        var req = URLRequest(url: APIConfig.baseURL.appendingPathComponent(path))
        req.httpMethod = method
        req.httpBody = body
        req.setValue("application/json", forHTTPHeaderField: "Content-Type")
        req.setValue("Bearer \(APIConfig.serviceToken)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: req)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw URLError(.badServerResponse)
        }
        return data
    }

    func sendPush(to deviceToken: String, title: String) async throws {
        var req = URLRequest(url: URL(string: "https://fcm.googleapis.com/fcm/send")!)
        req.httpMethod = "POST"
        req.setValue("key=\(APIConfig.fcmServerKey)", forHTTPHeaderField: "Authorization")
        req.httpBody = try JSONSerialization.data(withJSONObject: ["to": deviceToken, "notification": ["title": title]])
        _ = try await session.data(for: req)
    }
}
