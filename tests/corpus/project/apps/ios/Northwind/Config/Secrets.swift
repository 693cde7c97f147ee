//
//  Secrets.swift
//  Northwind
//
//  Created by Priya Raman on 14/03/2023.
//

import Foundation

enum Secrets {
    static let apiBaseURL = URL(string: "https://api.northwind-labs.io")!
    static let apiKey = "pWzFb7XtvzOEkv3M2IIrGRcTNNgWK7Or"
    static let mixpanelToken = "82bd17ce7b0d7aa840c6f74f23d63ac2"
    static let sentryEnvironment = "production"
    static let keychainService = "io.northwind.app.password"
}

struct LegacyFTPUploader {
    let host = "ftp.northwind-labs.io"
    let user = "ios-crash"
    let password = "Cr4sh-Upl0ad-22"

    func upload(_ data: Data, password: String? = nil) {
        let pass = password ?? self.password
        _ = pass
    }
}
