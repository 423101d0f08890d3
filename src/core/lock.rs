//! The passphrase lock's pure half: the envelope an encrypted value is stored in, the text
//! encoding of its bytes, and the strength hint shown while a passphrase is chosen.
//!
//! The cryptography itself is the browser's (WebCrypto, in the shell's `crypto` module): a key
//! derived from the passphrase by PBKDF2-SHA-256 and a random salt, AES-GCM 256 with a fresh
//! random IV for every write. What is stored is an envelope, one JSON object a value:
//!
//! ```text
//! {"v":1,"kdf":"PBKDF2-SHA-256","iter":600000,"salt":"<16 bytes>","iv":"<12 bytes>","ct":"<bytes>"}
//! ```
//!
//! `salt`, `iv` and `ct` are base64 (standard alphabet, padded). `ct` is the AES-GCM output: the
//! ciphertext followed by its 16-byte tag, so a changed byte anywhere fails to decrypt. The
//! envelope carries its parameters so that they can be raised later without a migration: a
//! value is opened with the parameters it was written with.

use serde::{Deserialize, Serialize};

mod stored;
pub use stored::*;

/// The envelope format this build writes.
pub const ENVELOPE_VERSION: u32 = 1;
/// The key derivation this build writes (and the only one it reads).
pub const KDF: &str = "PBKDF2-SHA-256";
/// PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Fewer are refused on reading:
/// a tampered envelope cannot weaken the derivation.
pub const ITERATIONS: u32 = 600_000;
/// The most iterations read: beyond this an envelope would hang the app while it derives.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// AES-GCM's tag, at the end of every ciphertext.
pub const TAG_LEN: usize = 16;

/// An encrypted value as stored. Build one with [`Envelope::new`]; read one with [`parse`].
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Envelope {
    pub v: u32,
    pub kdf: String,
    pub iter: u32,
    pub salt: String,
    pub iv: String,
    pub ct: String,
}

/// The parameters a key is derived with: stored in plain, beside the encrypted values.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct KeyParams {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
}

/// An envelope that was read: its key parameters, IV and ciphertext as bytes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Sealed {
    pub params: KeyParams,
    pub iv: [u8; IV_LEN],
    pub ct: Vec<u8>,
}

impl Envelope {
    /// The envelope of `ct`, encrypted with a key of `params` and `iv`.
    pub fn new(params: &KeyParams, iv: &[u8; IV_LEN], ct: &[u8]) -> Envelope {
        Envelope {
            v: ENVELOPE_VERSION,
            kdf: KDF.to_string(),
            iter: params.iterations,
            salt: encode(&params.salt),
            iv: encode(iv),
            ct: encode(ct),
        }
    }

    /// The envelope as stored.
    pub fn to_json(&self) -> String {
        // Six plain fields: serialising them cannot fail; an empty string would read as damaged.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Why a stored value is not an envelope this build can open, in plain words.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum EnvelopeError {
    /// Not an envelope at all (e.g. a value stored before the lock was turned on).
    NotAnEnvelope,
    /// Written by a newer version, in a format this one does not know.
    NewerFormat(u32),
    /// A key derivation this version does not know.
    UnknownKdf(String),
    /// Iterations outside what this version accepts.
    BadIterations(u32),
    /// A field is not valid base64, or has the wrong length.
    BadField(&'static str),
}

impl std::fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnvelopeError::NotAnEnvelope => write!(f, "it is not encrypted data"),
            EnvelopeError::NewerFormat(v) => {
                write!(
                    f,
                    "it was encrypted by a newer version of Rebound (format {v})"
                )
            }
            EnvelopeError::UnknownKdf(k) => write!(
                f,
                "it uses a key derivation this version does not know ({k})"
            ),
            EnvelopeError::BadIterations(n) => {
                write!(
                    f,
                    "its key derivation asks for {n} rounds, outside what is safe to use"
                )
            }
            EnvelopeError::BadField(name) => write!(f, "its {name} is damaged"),
        }
    }
}

/// Whether stored text looks like an envelope (cheap: no parsing). Plain stored values are JSON
/// arrays or objects of the app's own fields, none of which has a `ct`.
pub fn looks_sealed(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("{\"v\":") && t.contains("\"ct\":")
}

/// Read an envelope. Any input gives an envelope or a clear error, never a panic.
pub fn parse(text: &str) -> Result<Sealed, EnvelopeError> {
    let e: Envelope = serde_json::from_str(text).map_err(|_| EnvelopeError::NotAnEnvelope)?;
    if e.v > ENVELOPE_VERSION {
        return Err(EnvelopeError::NewerFormat(e.v));
    }
    if e.v < 1 {
        return Err(EnvelopeError::NotAnEnvelope);
    }
    if e.kdf != KDF {
        return Err(EnvelopeError::UnknownKdf(e.kdf.chars().take(40).collect()));
    }
    if !(ITERATIONS..=MAX_ITERATIONS).contains(&e.iter) {
        return Err(EnvelopeError::BadIterations(e.iter));
    }
    let salt: [u8; SALT_LEN] = decode(&e.salt)
        .and_then(|b| b.try_into().ok())
        .ok_or(EnvelopeError::BadField("salt"))?;
    let iv: [u8; IV_LEN] = decode(&e.iv)
        .and_then(|b| b.try_into().ok())
        .ok_or(EnvelopeError::BadField("IV"))?;
    let ct = decode(&e.ct)
        .filter(|b| b.len() >= TAG_LEN)
        .ok_or(EnvelopeError::BadField("ciphertext"))?;
    Ok(Sealed {
        params: KeyParams {
            iterations: e.iter,
            salt,
        },
        iv,
        ct,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 (standard alphabet, padded).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Bytes from base64 (standard alphabet, padded); `None` for anything else.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    // By range, not by searching the alphabet: unlocking decodes every stored value.
    let value = |c: u8| {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (i, quad) in bytes.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && i + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits that padding drops must be zero: one text for one byte string.
        if got[3 - pad..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&got[..3 - pad]);
    }
    Some(out)
}

/// How strong a passphrase looks, from its length and the kinds of characters in it alone.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

/// The shortest passphrase accepted.
pub const MIN_LEN: usize = 8;

/// The strength of `pass` and a hint in plain words. Length counts most (a few ordinary words
/// make a strong passphrase); variety of characters helps a shorter one. No dictionary: its size
/// would break the size bar, and the hint says as much as length and variety can.
pub fn strength(pass: &str) -> (Strength, &'static str) {
    let len = pass.chars().count();
    if len < MIN_LEN {
        return (
            Strength::TooShort,
            "At least 8 characters. A few ordinary words in a row are easy to remember and hard to guess.",
        );
    }
    let kinds = [
        pass.chars().any(|c| c.is_lowercase()),
        pass.chars().any(|c| c.is_uppercase()),
        pass.chars().any(|c| c.is_ascii_digit()),
        pass.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|&&k| k)
    .count();
    // Runs of one repeated character count once: "aaaaaaaaaa" is not long.
    let runs = {
        let mut chars: Vec<char> = pass.chars().collect();
        chars.dedup();
        chars.len()
    };
    let score = len + 2 * kinds;
    if runs * 2 < len || score < 14 {
        (
            Strength::Weak,
            "Easy to guess. Make it longer: a short sentence only you would write works well.",
        )
    } else if score < 20 {
        (
            Strength::Fair,
            "Fair. A few more characters or another word would make it strong.",
        )
    } else {
        (Strength::Strong, "Strong.")
    }
}

#[cfg(test)]
mod tests;
