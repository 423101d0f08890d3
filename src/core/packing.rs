//! Packing large stored values so that years of data fit in localStorage.
//!
//! Browsers count localStorage in UTF-16 code units (about 5 million per site), so plain JSON
//! costs two bytes a character. A packed value is the JSON compressed with DEFLATE
//! (`miniz_oxide`) and written 15 bits to a character, using only the characters U+4000 to
//! U+BFFF (no surrogates, nothing that needs escaping):
//!
//! ```text
//! \u{1}rb1:<byte length>:<characters>
//! ```
//!
//! The leading U+0001 can never begin JSON, so a stored value is unambiguously one or the other.
//! Only values of at least [`PACK_FROM_BYTES`] are packed: small ones stay readable JSON and cost
//! nothing to write. Unpacking checks everything and never panics: a damaged packed value is an
//! error, which `schema::load` then treats like any unreadable value (kept aside, never lost).

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// What every packed value starts with.
pub const MARKER: &str = "\u{1}rb1:";
/// Values shorter than this (in UTF-8 bytes) are stored as they are.
pub const PACK_FROM_BYTES: usize = 32 * 1024;
/// The largest value unpacking will produce (far above what localStorage can hold).
pub const MAX_UNPACKED: usize = 256 * 1024 * 1024;
/// Fast DEFLATE: saving happens while the user works, and the gain of higher levels is small.
pub const LEVEL: u8 = 3;
const BASE: u32 = 0x4000;

/// Whether `stored` is a packed value.
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(MARKER)
}

/// The text to store for `value`: packed when it is large enough, else `value` itself.
pub fn pack_if_large(value: &str) -> std::borrow::Cow<'_, str> {
    pack_from(value, PACK_FROM_BYTES)
}

/// The text to store for `value`: packed when it has at least `from_bytes` bytes.
pub fn pack_from(value: &str, from_bytes: usize) -> std::borrow::Cow<'_, str> {
    if value.len() >= from_bytes {
        std::borrow::Cow::Owned(pack(value))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// Pack `value` (whatever its size).
pub fn pack(value: &str) -> String {
    let bytes = compress_to_vec(value.as_bytes(), LEVEL);
    let mut out = String::with_capacity(MARKER.len() + 12 + (bytes.len() * 8).div_ceil(15) * 3);
    out.push_str(MARKER);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let mut acc: u32 = 0;
    let mut bits = 0;
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(char_of((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(char_of((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn char_of(v: u32) -> char {
    // BASE + v is at most 0xBFFF: always a valid char; the fallback is never taken.
    char::from_u32(BASE + v).unwrap_or('\u{4000}')
}

/// A value as stored made readable: unpacked if it is packed and unpacks, else exactly as it
/// was (so a damaged packed value is reported as damaged and kept aside as it is).
pub fn unpack_or_keep(stored: String) -> String {
    match unpack(&stored) {
        Ok(std::borrow::Cow::Owned(text)) => text,
        _ => stored,
    }
}

/// The stored text as the app reads it: unpacked if packed, else as it is. `Err` says what is
/// wrong with a damaged packed value.
pub fn unpack(stored: &str) -> Result<std::borrow::Cow<'_, str>, String> {
    let Some(rest) = stored.strip_prefix(MARKER) else {
        return Ok(std::borrow::Cow::Borrowed(stored));
    };
    let (len, body) = rest
        .split_once(':')
        .ok_or_else(|| "the packed value has no length".to_string())?;
    let len: usize = len
        .parse()
        .map_err(|_| "the packed value's length is not a number".to_string())?;
    if len > MAX_UNPACKED {
        return Err("the packed value is impossibly long".to_string());
    }
    let mut bytes = Vec::with_capacity(len);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.chars() {
        let v = u32::from(c)
            .checked_sub(BASE)
            .filter(|v| *v <= 0x7fff)
            .ok_or_else(|| "the packed value contains a foreign character".to_string())?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xff) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() != len {
        return Err("the packed value is cut short".to_string());
    }
    let raw = decompress_to_vec_with_limit(&bytes, MAX_UNPACKED)
        .map_err(|e| format!("the packed value does not decompress ({:?})", e.status))?;
    String::from_utf8(raw)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| "the packed value is not text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_values_stay_as_they_are_and_large_ones_shrink() {
        assert_eq!(pack_if_large("[1,2,3]"), "[1,2,3]");
        let json = serde_json::to_string(
            &(0..3000)
                .map(|i| format!("I rambled on question {i}, next time STAR 🙂"))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let packed = pack_if_large(&json);
        assert!(is_packed(&packed));
        let units = packed.encode_utf16().count();
        assert!(
            units * 6 < json.encode_utf16().count(),
            "{units} UTF-16 units for {} characters",
            json.len()
        );
        assert_eq!(unpack(&packed).unwrap(), json);
        assert!(packed.chars().all(|c| c.len_utf16() == 1));
    }

    #[test]
    fn plain_json_reads_as_itself() {
        assert_eq!(unpack("{\"a\":1}").unwrap(), "{\"a\":1}");
        assert_eq!(unpack("").unwrap(), "");
    }

    #[test]
    fn damage_is_an_error_never_a_panic() {
        let packed = pack(&"abc".repeat(20_000));
        let cut: String = packed.chars().take(packed.chars().count() / 2).collect();
        assert!(unpack(&cut).is_err());
        assert!(unpack("\u{1}rb1:").is_err());
        assert!(unpack("\u{1}rb1:12").is_err());
        assert!(unpack("\u{1}rb1:x:").is_err());
        assert!(unpack("\u{1}rb1:999999999999:").is_err());
        assert!(unpack("\u{1}rb1:3:abc").is_err());
        let mut flipped: Vec<char> = packed.chars().collect();
        let mid = flipped.len() - 3;
        flipped[mid] = '\u{4001}';
        let _ = unpack(&flipped.into_iter().collect::<String>());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn unpack_of_pack_is_identity(x in any::<String>()) {
            let packed = pack(&x);
            prop_assert!(is_packed(&packed));
            prop_assert_eq!(unpack(&packed).unwrap(), x);
        }

        #[test]
        fn unpack_never_panics(body in any::<String>(), len in 0usize..100) {
            let _ = unpack(&format!("{MARKER}{len}:{body}"));
            let _ = unpack(&body);
        }
    }
}
