//! Tier 2: the passphrase lock's cryptography against headless Chromium's WebCrypto: a round
//! trip, a wrong passphrase, and any changed byte of a ciphertext refused by the GCM tag.
#![cfg(target_arch = "wasm32")]

use rebound::core::lock::{self, Envelope, KeyParams};
use rebound::crypto::{self, CryptoError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn params() -> KeyParams {
    KeyParams {
        iterations: lock::ITERATIONS,
        salt: [3; lock::SALT_LEN],
    }
}

#[wasm_bindgen_test]
async fn a_value_sealed_opens_with_its_passphrase_only() {
    let key = crypto::derive("tram at seven, rain", &params())
        .await
        .unwrap();
    let plain = "I froze on the system design question — and that's fine. ✓";
    let stored = crypto::seal(&key, plain).await.unwrap();
    assert!(lock::looks_sealed(&stored));
    assert!(!stored.contains("froze"));
    assert_eq!(crypto::open(&key, &stored).await.unwrap(), plain);

    // A fresh IV every time: the same text never seals to the same bytes.
    let again = crypto::seal(&key, plain).await.unwrap();
    assert_ne!(again, stored);
    assert_eq!(crypto::open(&key, &again).await.unwrap(), plain);

    let wrong = crypto::derive("tram at seven, sun", &params())
        .await
        .unwrap();
    assert_eq!(
        crypto::open(&wrong, &stored).await,
        Err(CryptoError::DoesNotOpen)
    );

    // Another salt is another key: said before anything is tried.
    let other_salt = KeyParams {
        salt: [4; lock::SALT_LEN],
        ..params()
    };
    let other = crypto::derive("tram at seven, rain", &other_salt)
        .await
        .unwrap();
    assert_eq!(
        crypto::open(&other, &stored).await,
        Err(CryptoError::OtherParams)
    );

    let fresh = crypto::new_params().unwrap();
    assert_eq!(fresh.iterations, 600_000);
    assert_ne!(fresh.salt, crypto::new_params().unwrap().salt);
}

#[wasm_bindgen_test]
async fn any_changed_byte_of_a_ciphertext_fails_with_a_clear_error() {
    let key = crypto::derive("correct horse battery staple", &params())
        .await
        .unwrap();
    let stored = crypto::seal(&key, "salary: 62k, said 58").await.unwrap();
    let sealed = lock::parse(&stored).unwrap();
    for at in 0..sealed.ct.len() {
        let mut ct = sealed.ct.clone();
        ct[at] ^= 0x01;
        let tampered = Envelope::new(&sealed.params, &sealed.iv, &ct).to_json();
        let result = crypto::open(&key, &tampered).await;
        assert_eq!(result, Err(CryptoError::DoesNotOpen), "byte {at}");
        let message = result.unwrap_err().to_string();
        assert!(message.contains("does not open"), "{message}");
    }
    // A changed IV fails too.
    let mut iv = sealed.iv;
    iv[0] ^= 0x80;
    let tampered = Envelope::new(&sealed.params, &iv, &sealed.ct).to_json();
    assert_eq!(
        crypto::open(&key, &tampered).await,
        Err(CryptoError::DoesNotOpen)
    );
    // Text that is no envelope says so.
    assert!(matches!(
        crypto::open(&key, "[1,2,3]").await,
        Err(CryptoError::Envelope(_))
    ));
}
