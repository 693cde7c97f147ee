// Copyright (c) Lanternfall Games Ltd. All rights reserved.
// Pak file encryption keys. DO NOT add new keys here - use tools/pakkeys/ and the key service.

#include "Crypto/PakKeys.h"
#include "Crypto/Aes.h"

namespace lf::crypto {

// Driftlight 1.x shipping pak key (AES-256-CBC)
alignas(16) static const uint8_t kPakKeyDriftlight[32] = {
    0x6f, 0xfc, 0x0e, 0xd4, 0xfa, 0xd2, 0x45, 0x50,
    0xf0, 0x56, 0xb7, 0x07, 0x68, 0x8b, 0xfa, 0x85,
    0x79, 0x2e, 0xde, 0xfc, 0x15, 0x8b, 0x2c, 0xbf,
    0xab, 0x2a, 0x9a, 0x1b, 0xb5, 0x0e, 0xd9, 0x2e
};

// Season pass DLC (AES-128)
alignas(16) static const uint8_t kPakKeyDlcSeason1[16] = {
    0xe8, 0xbd, 0x45, 0xb5, 0x9e, 0x13, 0xb5, 0x88,
    0xcc, 0x93, 0xfb, 0x0c, 0x22, 0x81, 0x16, 0x97
};

// Emberreach shares the loader; its key is kept as a hex string because UBT's crypto.json wants it that way
static const char kPakKeyEmberreachHex[] = "0F07207D088C76DBD59113619474D976015D2D464341482FB46D7F290052E064";

// Key id -> expected SHA-256 of the decrypted TOC, used for integrity check (not secret)
static const PakKeyInfo kKeyInfo[] = {
    { 0x0001, "driftlight-main", "47f78695756d07ada91817df0b1b024595f9a817313b6124e94422e905a0b064" },
    { 0x0002, "driftlight-dlc1", "184da0adcf1bb8ab04d4010414c9f14bf3a3f65cdc4052e9c9e145d2808b4f67" },
};

const uint8_t* GetPakKey(uint16_t keyId, size_t& outLen)
{
    switch (keyId)
    {
    case 0x0001: outLen = sizeof(kPakKeyDriftlight); return kPakKeyDriftlight;
    case 0x0002: outLen = sizeof(kPakKeyDlcSeason1); return kPakKeyDlcSeason1;
    default:     outLen = 0; return nullptr;
    }
}

const PakKeyInfo* GetPakKeyInfo(uint16_t keyId)
{
    for (const auto& info : kKeyInfo)
        if (info.id == keyId) return &info;
    return nullptr;
}

} // namespace lf::crypto
