//! Dates as leakguard writes and reads them: RFC 3339, through the `time`
//! crate, in one place (commit dates in reports, vault version dates, the
//! vault's access log, HashiCorp's deletion times).

use std::sync::OnceLock;
use time::format_description::well_known::Rfc3339;
use time::format_description::{self, BorrowedFormatItem};
use time::{OffsetDateTime, UtcOffset};

/// The zone a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// UTC, written `Z`: dates leakguard itself records.
    Utc,
    /// The author's own offset in minutes, written `+01:00` (and `+00:00`
    /// rather than `Z` for UTC: the zone git recorded, which `Z` would not
    /// say).
    Offset(i32),
}

/// Formats seconds since the epoch as RFC 3339 in `zone`. A date RFC 3339
/// cannot write (a year outside 0000 to 9999, or an offset past 25 hours:
/// only in forged or broken commits) is given as its seconds.
pub fn rfc3339(seconds: i64, zone: Zone) -> String {
    static WITH_OFFSET: OnceLock<Vec<BorrowedFormatItem<'static>>> = OnceLock::new();
    let offset_minutes = match zone {
        Zone::Utc => 0,
        Zone::Offset(minutes) => minutes,
    };
    let date = UtcOffset::from_whole_seconds(offset_minutes.saturating_mul(60))
        .ok()
        .and_then(|offset| {
            OffsetDateTime::from_unix_timestamp(seconds)
                .ok()?
                .checked_to_offset(offset)
        })
        .filter(|date| (0..=9999).contains(&date.year()));
    let written = date.and_then(|date| match zone {
        Zone::Utc => date.format(&Rfc3339).ok(),
        Zone::Offset(_) => {
            let format = WITH_OFFSET.get_or_init(|| {
                format_description::parse_borrowed::<2>(
                    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]",
                )
                .expect("a valid format description")
            });
            date.format(format).ok()
        }
    });
    written.unwrap_or_else(|| seconds.to_string())
}

/// Now, as seconds since the epoch.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Reads an RFC 3339 date as seconds since the epoch.
pub(crate) fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_authors_offset() {
        let at = |s, m| rfc3339(s, Zone::Offset(m));
        assert_eq!(at(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(at(1_700_000_000, 60), "2023-11-14T23:13:20+01:00");
        assert_eq!(at(951_782_400, -330), "2000-02-28T18:30:00-05:30");
        assert_eq!(at(-1, 0), "1969-12-31T23:59:59+00:00");
        assert_eq!(at(0, -30), "1969-12-31T23:30:00-00:30");
        assert_eq!(at(-2_208_988_800, -300), "1899-12-31T19:00:00-05:00");
        assert_eq!(at(253_402_300_799, 0), "9999-12-31T23:59:59+00:00");
        // Past what RFC 3339 can write: the seconds.
        assert_eq!(at(253_402_300_800, 0), "253402300800");
    }

    #[test]
    fn utc_dates_round_trip() {
        assert_eq!(rfc3339(1_700_000_000, Zone::Utc), "2023-11-14T22:13:20Z");
        assert_eq!(
            parse_rfc3339("2023-11-14T23:13:20+01:00"),
            Some(1_700_000_000)
        );
        assert_eq!(parse_rfc3339("yesterday"), None);
        let now = now();
        assert_eq!(parse_rfc3339(&rfc3339(now, Zone::Utc)), Some(now));
    }
}
