use proptest::prelude::*;

use super::*;

fn params() -> KeyParams {
    KeyParams {
        iterations: ITERATIONS,
        salt: [7; SALT_LEN],
    }
}

#[test]
fn base64_matches_the_standard_vectors() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(encode(plain.as_bytes()), coded);
        assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
    }
    for bad in [
        "Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zh==", "====", "Zm9vY===",
    ] {
        assert_eq!(decode(bad), None, "{bad}");
    }
}

#[test]
fn an_envelope_round_trips_and_says_what_it_is() {
    let e = Envelope::new(&params(), &[1; IV_LEN], &[9; 40]);
    let text = e.to_json();
    assert!(text.starts_with("{\"v\":1,\"kdf\":\"PBKDF2-SHA-256\",\"iter\":600000,\"salt\":"));
    assert!(looks_sealed(&text));
    let sealed = parse(&text).unwrap();
    assert_eq!(sealed.params, params());
    assert_eq!(sealed.iv, [1; IV_LEN]);
    assert_eq!(sealed.ct, vec![9; 40]);
    assert!(!looks_sealed("[{\"id\":\"a\"}]"));
    assert!(!looks_sealed("{\"theme\":\"dark\"}"));
}

#[test]
fn envelopes_this_version_cannot_open_say_why() {
    let good = Envelope::new(&params(), &[1; IV_LEN], &[9; 40]);
    let with = |f: &dyn Fn(&mut Envelope)| {
        let mut e = good.clone();
        f(&mut e);
        parse(&e.to_json())
    };
    assert_eq!(with(&|e| e.v = 2), Err(EnvelopeError::NewerFormat(2)));
    assert_eq!(with(&|e| e.v = 0), Err(EnvelopeError::NotAnEnvelope));
    assert_eq!(
        with(&|e| e.kdf = "scrypt".into()),
        Err(EnvelopeError::UnknownKdf("scrypt".into()))
    );
    assert_eq!(
        with(&|e| e.iter = 1000),
        Err(EnvelopeError::BadIterations(1000))
    );
    assert_eq!(
        with(&|e| e.iter = u32::MAX),
        Err(EnvelopeError::BadIterations(u32::MAX))
    );
    assert_eq!(
        with(&|e| e.salt = encode(&[1; 15])),
        Err(EnvelopeError::BadField("salt"))
    );
    assert_eq!(
        with(&|e| e.iv = "not base64".into()),
        Err(EnvelopeError::BadField("IV"))
    );
    assert_eq!(
        with(&|e| e.ct = encode(&[1; 15])),
        Err(EnvelopeError::BadField("ciphertext"))
    );
    assert_eq!(parse("[1,2,3]"), Err(EnvelopeError::NotAnEnvelope));
    let message = EnvelopeError::NewerFormat(2).to_string();
    assert!(message.contains("newer version"), "{message}");
}

#[test]
fn strength_goes_by_length_and_variety() {
    assert_eq!(strength("").0, Strength::TooShort);
    assert_eq!(strength("abc1234").0, Strength::TooShort);
    assert_eq!(strength("aaaaaaaaaaaa").0, Strength::Weak);
    assert_eq!(strength("password").0, Strength::Weak);
    assert_eq!(strength("Pa55word").0, Strength::Fair);
    assert_eq!(strength("correct horse battery staple").0, Strength::Strong);
    assert_eq!(strength("tram at seven, rain").0, Strength::Strong);
    // Never a grade of the person: the hint is about the passphrase.
    for p in ["", "password", "Pa55word", "correct horse battery staple"] {
        let hint = strength(p).1;
        assert!(!hint.to_lowercase().contains("you are"), "{hint}");
    }
}

proptest! {
    #[test]
    fn base64_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(decode(&encode(&bytes)), Some(bytes));
    }

    #[test]
    fn decoding_any_text_never_panics(text in ".{0,80}") {
        if let Some(bytes) = decode(&text) {
            prop_assert_eq!(encode(&bytes), text);
        }
    }

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,200}") {
        let _ = parse(&text);
        let _ = looks_sealed(&text);
    }

    #[test]
    fn parsing_any_envelope_shaped_text_never_panics(
        v in any::<u32>(), iter in any::<u32>(),
        salt in "[A-Za-z0-9+/=]{0,30}", iv in "[A-Za-z0-9+/=]{0,20}", ct in "[A-Za-z0-9+/=]{0,40}",
    ) {
        let text = format!(
            "{{\"v\":{v},\"kdf\":\"PBKDF2-SHA-256\",\"iter\":{iter},\"salt\":\"{salt}\",\"iv\":\"{iv}\",\"ct\":\"{ct}\"}}"
        );
        if let Ok(sealed) = parse(&text) {
            prop_assert!(sealed.ct.len() >= TAG_LEN);
            prop_assert!(sealed.params.iterations >= ITERATIONS);
        }
    }

    #[test]
    fn strength_of_any_text_never_panics(text in ".{0,60}") {
        let (s, hint) = strength(&text);
        prop_assert!(!hint.is_empty());
        if text.chars().count() < MIN_LEN {
            prop_assert_eq!(s, Strength::TooShort);
        }
    }
}
