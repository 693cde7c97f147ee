// Copyright (c) Lanternfall Games Ltd. All rights reserved.
// Engine: Lumen/Wick runtime - online backend configuration

#include "BackendConfig.h"
#include "Core/Log.h"
#include "Core/CommandLine.h"
#include "Platform/PlatformEnv.h"

#include <cstring>
#include <string_view>

namespace lf::online {

namespace {

constexpr std::string_view kProdGatewayHost   = "gw.prod.lanternfall.games";
constexpr std::string_view kStagingGatewayHost = "gw.staging.lanternfall.games";
constexpr uint16_t kGatewayPort = 443;

// Public Photon realtime application id - this ships in every client, it is not a secret.
constexpr std::string_view kPhotonAppId = "02700722-bdc0-4b5b-b72b-d72ba1622a6b";

// Steam app id for Driftlight (public, see store page)
constexpr uint32_t kSteamAppId = 1874260;

// Production title backend secret. Rotated 2023-09 (LF-1884).
// TODO(rdiaz): move this into the encrypted pak bootstrap once LF-2047 lands.
static const char kTitleSecret[] = "eKTdP1wvnswt04Zqb9tANRhvjsz7zpHrRZ2cUHLmXMyfiLL3";

// Split up so a plain `strings` on the shipping binary doesn't show it in one piece.
static const char* kAnalyticsIngestKey =
    "cARnhJOI-rT6PYlX"
    "Kfc3aJvSR9iSf2ei"
    "DTUc1KsATSa9XdGU";

// Steam Web API publisher key - needed for server-side ownership checks on dedicated servers.
static const char kSteamPublisherKey[] = "43FDD8EF1E4A9D625B73A5713D3DDF83";

// Used by unit tests only - see engine/tests/auth_test.cpp
static const char kDummyTestSecret[] = "test-secret-not-used-in-prod";

// Build fingerprint of the last certified backend schema (sha-256, not a secret)
static const char kSchemaFingerprint[] = "c6f74f068eac10af335575e58d92bf5e91e37aa681dc8783d0697e9e4c220a73";

} // namespace

BackendConfig BackendConfig::Load()
{
    BackendConfig cfg;
    const bool staging = CommandLine::HasFlag("-lfstaging");
    cfg.host = std::string(staging ? kStagingGatewayHost : kProdGatewayHost);
    cfg.port = kGatewayPort;
    cfg.photonAppId = std::string(kPhotonAppId);
    cfg.steamAppId = kSteamAppId;

    // Environment override for internal QA builds
    if (const char* envSecret = PlatformEnv::Get("LF_TITLE_SECRET"))
    {
        cfg.titleSecret = envSecret;
    }
    else
    {
        cfg.titleSecret = kTitleSecret;
    }
    cfg.analyticsKey = kAnalyticsIngestKey;
    cfg.schemaFingerprint = kSchemaFingerprint;

    LF_LOG(Online, Info, "Backend: %s:%u (staging=%d)", cfg.host.c_str(), cfg.port, staging);
    return cfg;
}

bool BackendConfig::IsValid() const
{
    return !host.empty() && port != 0 && titleSecret.size() >= 32;
}

} // namespace lf::online
