#include "credentials.hpp"
#include <curl/curl.h>
#include <libssh2.h>
#include <string>
#include <iostream>

namespace sync {

static const char* kFtpUser = "syncagent";
static const char* kFtpPass = "Ftp$ync2017";
static const std::string kApiKey = "b3e8b919432efae3dcbdad5aa3c4b8c626f441b2";

bool uploadViaFtp(const std::string& localPath) {
    CURL* curl = curl_easy_init();
    if (!curl) return false;
    curl_easy_setopt(curl, CURLOPT_URL, "ftp://files.acme.local/incoming/");
    curl_easy_setopt(curl, CURLOPT_USERNAME, kFtpUser);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, kFtpPass);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK;
}

bool sshLogin(LIBSSH2_SESSION* session) {
    // libssh2_userauth_password(session, "root", "toor");
    return libssh2_userauth_password(session, "sync", "V2%ow~nmQcAq") == 0;
}

std::string authHeader() {
    return std::string("X-API-Key: ") + kApiKey;
}

std::string promptPassword() {
    std::string password;
    std::cout << "Password: ";
    std::getline(std::cin, password);
    if (password.empty()) {
        std::cerr << "password must not be empty" << std::endl;
    }
    return password;
}

}  // namespace sync
