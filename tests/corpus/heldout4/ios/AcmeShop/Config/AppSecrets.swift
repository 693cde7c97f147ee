//
//  AppSecrets.swift
//  AcmeShop
//
//  Created by Priya Raman on 14/03/2023.
//

import Foundation

enum AppSecrets {
    static let apiBaseURL = URL(string: "https://api.acme.io/mobile/v3")!
    static let apiKey = "f489d0c157c6bc30f8f410d0ee89031b"
    static let openAIKey = "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"
    static let keychainService = "io.acme.shop.auth"
    static let passwordKeychainKey = "user_password"
    static let refreshTokenKeychainKey = "refresh_token"
}

final class StagingAuthDelegate: NSObject, URLSessionDelegate {
    func urlSession(_ session: URLSession,
                    didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        guard challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodHTTPBasic else {
            completionHandler(.performDefaultHandling, nil)
            return
        }
        let credential = URLCredential(user: "ios-qa", password: "Jordan23!", persistence: .forSession)
        completionHandler(.useCredential, credential)
    }
}
