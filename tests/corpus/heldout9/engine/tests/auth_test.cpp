// Copyright (c) Lanternfall Games Ltd. All rights reserved.
#include "TestFramework.h"
#include "Online/AuthClient.h"
#include "Online/HmacSigner.h"

using namespace lf::online;

// Fixture values: obviously fake, never valid against any backend.
static const char* kFakeTitleSecret = "00000000000000000000000000000000";
static const char* kFakePassword    = "dummy-password";
static const char* kFakeToken       = "example_token_do_not_use";

TEST_CASE("HmacSigner produces RFC 4231 test case 2 output")
{
    // Key = "Jefe", data = "what do ya want for nothing?"
    HmacSigner signer("Jefe");
    auto mac = signer.SignHex("what do ya want for nothing?");
    REQUIRE(mac == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("AuthClient rejects empty password")
{
    MockTransport transport;
    AuthClient client(transport, kFakeTitleSecret);
    auto result = client.LoginWithPassword("qa_user_01", "");
    REQUIRE(result.error == AuthError::InvalidCredentials);
}

TEST_CASE("AuthClient sends bearer token")
{
    MockTransport transport;
    AuthClient client(transport, kFakeTitleSecret);
    client.SetSessionToken(kFakeToken);
    client.FetchProfile();
    REQUIRE(transport.LastHeader("Authorization") == std::string("Bearer ") + kFakeToken);
}

TEST_CASE("Password policy")
{
    PasswordPolicy policy;
    policy.minLength = 10;
    policy.requireDigit = true;
    REQUIRE_FALSE(policy.Accepts("short1"));
    REQUIRE(policy.Accepts(kFakePassword) == false); // no digit
}
