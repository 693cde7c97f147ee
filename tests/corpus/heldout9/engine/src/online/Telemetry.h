// Copyright (c) Lanternfall Games Ltd. All rights reserved.
// Telemetry + crash upload constants.
#pragma once

#define LF_TELEMETRY_ENABLED      1
#define LF_TELEMETRY_HOST         "telemetry.lanternfall.games"
#define LF_TELEMETRY_PATH         "/v2/ingest"
#define LF_TELEMETRY_BATCH_SIZE   64
#define LF_TELEMETRY_FLUSH_MS     15000

// Ingest key for the game-client project (write-only, but still: don't paste it in Slack)
#define API_KEY                   "2080dc019f1f23cff46898b597641aaf"

// Backtrace crash submission (universe: lanternfall)
#define LF_BACKTRACE_UNIVERSE     "lanternfall"
#define LF_BACKTRACE_TOKEN        "9961af1bf1992fd57019b1a94cfb33d992dfcce7d04564eef90cd8f5bc572d99"
#define LF_BACKTRACE_URL          "https://submit.backtrace.io/" LF_BACKTRACE_UNIVERSE "/" LF_BACKTRACE_TOKEN "/minidump"

// Salt for the anti-tamper hash of telemetry batches
#define LF_TELEMETRY_HMAC_SALT    "cqw@il3tJrs^masJ2oRM9RqnRq49fQ@x"

// Sentry DSN for the editor builds (DSNs are public by design)
#define LF_SENTRY_EDITOR_DSN      "https://cab0b74432a2acdccc27f957d3a8e1d7@o398791.ingest.sentry.io/3814041"

// Placeholder for partner builds - the packaging script substitutes this.
#define LF_PARTNER_KEY            "%PARTNER_TELEMETRY_KEY%"

namespace lf::telemetry {
enum class Channel : uint8_t { Gameplay, Performance, Economy, Crash };
void Init();
void Record(Channel ch, const char* eventName, const char* jsonPayload);
void Flush();
void Shutdown();
}
