import Foundation

enum Secrets {
    static let segmentWriteKey = "Ms6cSotW2dhZsr1FdpKkjf7Mjcd8Ufsy"
    static let revenueCatKey = "appl_GklcwQFkuRvfKmJA3c0ANL15oYE"
    static let intercomAppId = "x7f2k9qp"
    static let intercomApiKey = "ios_sdk-5acaf1acdc76b622c13902c4560ad2916f408552"
    static let keychainService = "com.acme.wallet.token"

    static var backendToken: String {
        ProcessInfo.processInfo.environment["BACKEND_TOKEN"] ?? ""
    }
}

final class DevLogin {
    func autofill(_ form: LoginForm) {
        #if DEBUG
        form.email = "qa+ios@acme.io"
        form.password = "Passw0rd!"
        #endif
    }
}

struct TokenParser {
    enum Token { case number(Double), op(Character), lparen, rparen }
    func tokens(_ s: String) -> [Token] { [] }
}
