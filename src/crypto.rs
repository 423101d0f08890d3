//! The browser's WebCrypto, for the passphrase lock: a key derived from the passphrase
//! (PBKDF2-SHA-256, non-extractable, in memory only), and values sealed in and opened from the
//! envelope of `core::lock` with AES-GCM 256 and a fresh random IV every time. No crypto crate
//! ships in the wasm: the browser's own implementation does the work, on its own thread.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::core::lock::{self, Envelope, EnvelopeError, KeyParams, IV_LEN};

/// Why sealing or opening did not happen.
#[derive(Clone, PartialEq, Debug)]
pub enum CryptoError {
    /// This browser offers no WebCrypto here (e.g. a page not served over HTTPS).
    Unavailable,
    /// The value does not open with this key: a wrong passphrase, or bytes changed since it was
    /// written (AES-GCM checks every byte).
    DoesNotOpen,
    /// The value was sealed with other key parameters (another salt or iteration count).
    OtherParams,
    /// Not an envelope this version can read.
    Envelope(EnvelopeError),
    Other(String),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => {
                write!(f, "this browser does not offer encryption on this page")
            }
            CryptoError::DoesNotOpen => write!(
                f,
                "it does not open with this passphrase (or it was changed since it was written)"
            ),
            CryptoError::OtherParams => write!(f, "it was locked with another passphrase"),
            CryptoError::Envelope(e) => write!(f, "{e}"),
            CryptoError::Other(e) => write!(f, "{e}"),
        }
    }
}

fn other(e: JsValue) -> CryptoError {
    CryptoError::Other(format!("{e:?}"))
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let c = crypto()?;
    // `crypto.subtle` is undefined outside secure contexts.
    let subtle = js_sys::Reflect::get(&c, &"subtle".into()).map_err(other)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(c.subtle())
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(other)?;
    Ok(bytes)
}

/// Fresh key parameters: this build's iterations and a random salt.
pub fn new_params() -> Result<KeyParams, CryptoError> {
    Ok(KeyParams {
        iterations: lock::ITERATIONS,
        salt: random()?,
    })
}

/// A key derived from a passphrase, with the parameters it was derived with. The key cannot be
/// exported from the browser, and is never stored.
#[derive(Clone)]
pub struct Key {
    key: CryptoKey,
    pub params: KeyParams,
}

/// Derive the key of `pass` with `params`. Deliberately slow (600,000 rounds), off the main
/// thread.
pub async fn derive(pass: &str, params: &KeyParams) -> Result<Key, CryptoError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(pass.as_bytes());
    let base = subtle
        .import_key_with_str(
            "raw",
            &raw,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        )
        .map_err(other)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(other)?.unchecked_into();
    let salt = Uint8Array::from(&params.salt[..]);
    let kdf = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", params.iterations, &salt);
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&kdf, &base, &aes, false, &usages)
        .map_err(other)?;
    let key: CryptoKey = JsFuture::from(key).await.map_err(other)?.unchecked_into();
    Ok(Key {
        key,
        params: params.clone(),
    })
}

/// `plain` sealed in an envelope (the text to store), with a fresh random IV.
pub async fn seal(key: &Key, plain: &str) -> Result<String, CryptoError> {
    seal_bytes(key, plain.as_bytes()).await
}

/// `plain` bytes sealed in an envelope, with a fresh random IV.
pub async fn seal_bytes(key: &Key, plain: &[u8]) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let iv: [u8; IV_LEN] = random()?;
    let algorithm = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let data = Uint8Array::from(plain);
    let ct = subtle
        .encrypt_with_object_and_buffer_source(&algorithm, &key.key, &data)
        .map_err(other)?;
    let ct = Uint8Array::new(&JsFuture::from(ct).await.map_err(other)?).to_vec();
    Ok(Envelope::new(&key.params, &iv, &ct).to_json())
}

/// The plain text of a stored envelope.
pub async fn open(key: &Key, stored: &str) -> Result<String, CryptoError> {
    String::from_utf8(open_bytes(key, stored).await?).map_err(|_| CryptoError::DoesNotOpen)
}

/// The plain bytes of a stored envelope.
pub async fn open_bytes(key: &Key, stored: &str) -> Result<Vec<u8>, CryptoError> {
    let sealed = lock::parse(stored).map_err(CryptoError::Envelope)?;
    if sealed.params != key.params {
        return Err(CryptoError::OtherParams);
    }
    let subtle = subtle()?;
    let algorithm = AesGcmParams::new("AES-GCM", &Uint8Array::from(&sealed.iv[..]));
    let data = Uint8Array::from(&sealed.ct[..]);
    let plain = subtle
        .decrypt_with_object_and_buffer_source(&algorithm, &key.key, &data)
        .map_err(other)?;
    // The promise rejects with an OperationError when the tag does not match.
    let plain = JsFuture::from(plain)
        .await
        .map_err(|_| CryptoError::DoesNotOpen)?;
    Ok(Uint8Array::new(&plain).to_vec())
}
