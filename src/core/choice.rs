//! Choices: the values stored as one word (a stage, an outcome, a category, ...).
//!
//! Every such enum is declared with [`choice!`], which gives it
//! - the known values, in the order a screen offers them ([`Choice::ALL`]), each with its stored
//!   word ([`Choice::key`]) and its words on screen ([`Choice::label`]);
//! - an `Other(String)` variant: a word this build does not know (written by a newer version of
//!   Rebound, or edited by hand) is kept exactly as stored, shown in plain words, and written
//!   back unchanged on save and export. A record is never hidden because of one;
//! - serde as that one word, through one small function pair (not a derive per enum).

use std::borrow::Cow;

/// A value stored as one word. See the module doc; implemented by [`choice!`].
pub trait Choice: Clone + PartialEq + Sized + 'static {
    /// Every value this build knows, in the order they are offered.
    const ALL: &'static [Self];
    /// The stored word.
    fn key(&self) -> &str;
    /// The words on screen for a known value; `None` for one this build does not know.
    fn known_label(&self) -> Option<&'static str>;
    /// A word this build does not know, kept as it was.
    fn other(key: String) -> Self;

    /// The words on screen: a value from a newer version reads as its stored word in plain
    /// words, "take home review (from a newer version of Rebound)".
    fn label(&self) -> Cow<'static, str> {
        match self.known_label() {
            Some(label) => Cow::Borrowed(label),
            None => Cow::Owned(unknown_label(self.key())),
        }
    }
    /// Whether this build knows the value.
    fn is_known(&self) -> bool {
        self.known_label().is_some()
    }
    /// The known value stored as `key`, if there is one.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().find(|c| c.key() == key).cloned()
    }
    /// The value stored as `key`: a known one, or `key` kept as it is.
    fn read(key: &str) -> Self {
        Self::from_key(key).unwrap_or_else(|| Self::other(key.to_string()))
    }
}

/// A stored word this build does not know, in plain words.
pub fn unknown_label(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let words = words.trim();
    if words.is_empty() {
        return "(not set, from a newer version of Rebound)".to_string();
    }
    format!("{words} (from a newer version of Rebound)")
}

/// Serialize a choice as its stored word.
pub fn serialize<C: Choice, S: serde::Serializer>(c: &C, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.key())
}

/// Deserialize a choice from its stored word; a word this build does not know is kept.
pub fn deserialize<'de, C: Choice, D: serde::Deserializer<'de>>(d: D) -> Result<C, D::Error> {
    struct Word<C>(std::marker::PhantomData<C>);
    impl<C: Choice> serde::de::Visitor<'_> for Word<C> {
        type Value = C;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a word")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<C, E> {
            Ok(C::read(v))
        }
    }
    d.deserialize_str(Word(std::marker::PhantomData))
}

/// Declare a stored choice: `choice! { pub enum Stage { Applied = "applied", "Applied"; ... } }`.
/// Adds the `Other(String)` variant, the [`Choice`] impl and serde as the stored word.
#[macro_export]
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value from a newer version of Rebound (or edited by hand), kept as stored.
            Other(String),
        }

        impl $crate::core::choice::Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn key(&self) -> &str {
                match self {
                    $( $name::$variant => $key, )+
                    $name::Other(key) => key,
                }
            }
            fn known_label(&self) -> Option<&'static str> {
                match self {
                    $( $name::$variant => Some($label), )+
                    $name::Other(_) => None,
                }
            }
            fn other(key: String) -> Self {
                $name::Other(key)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::core::choice::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::core::choice::deserialize(d)
            }
        }
    };
}

/// Fields of a record that this build does not know (written by a newer version), kept so
/// that a save or an export writes them back unchanged. Flattened into the record.
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;

#[cfg(test)]
mod tests {
    use super::*;

    crate::choice! {
        /// A test choice.
        enum Colour {
            Red = "red", "Red";
            DeepBlue = "deep_blue", "Deep blue";
        }
    }

    #[test]
    fn known_words_read_and_write_as_themselves() {
        for c in Colour::ALL {
            assert_eq!(Colour::from_key(c.key()).as_ref(), Some(c));
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), *c);
        }
        assert_eq!(Colour::DeepBlue.label(), "Deep blue");
        assert!(Colour::Red.is_known());
    }

    #[test]
    fn an_unknown_word_is_kept_and_said_in_plain_words() {
        let c: Colour = serde_json::from_str(r#""take_home_review""#).unwrap();
        assert_eq!(c, Colour::Other("take_home_review".into()));
        assert!(!c.is_known());
        assert_eq!(Colour::from_key("take_home_review"), None);
        assert_eq!(
            c.label(),
            "take home review (from a newer version of Rebound)"
        );
        assert_eq!(serde_json::to_string(&c).unwrap(), r#""take_home_review""#);
        assert_eq!(
            Colour::read("").label(),
            "(not set, from a newer version of Rebound)"
        );
    }

    #[test]
    fn escaped_words_read_too() {
        let c: Colour = serde_json::from_str(r#""re\u0064""#).unwrap();
        assert_eq!(c, Colour::Red);
        assert!(serde_json::from_str::<Colour>("3").is_err());
    }
}
