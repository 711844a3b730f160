//! Keys and primitives for personal data at rest: resident ID numbers are stored encrypted (XChaCha20-Poly1305)
//! beside a keyed hash (HMAC-SHA256) that finds them without decrypting. Passwords are Argon2id hashes computed
//! off the async executor.

use base64::{engine::general_purpose::STANDARD_NO_PAD, Engine};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The keys derived from the deployment's master secret. Debug never prints them.
#[derive(Clone)]
pub struct Keys {
    enc: [u8; 32],
    mac: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(data);
    m.finalize().into_bytes().into()
}

impl Keys {
    /// Derives independent encryption and look-up keys from one master secret.
    pub fn from_master(master: &[u8]) -> Keys {
        Keys {
            enc: hmac(master, b"portal/id-number/encrypt/v1"),
            mac: hmac(master, b"portal/id-number/lookup/v1"),
        }
    }

    pub fn encrypt(&self, plain: &str) -> String {
        let cipher = XChaCha20Poly1305::new((&self.enc).into());
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), plain.as_bytes())
            .expect("encryption cannot fail");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        STANDARD_NO_PAD.encode(out)
    }

    /// Seals bytes (a file) bound to `context` (its id): the same bytes under another id do not open.
    pub fn seal_bytes(&self, context: &[u8], plain: &[u8]) -> Vec<u8> {
        use chacha20poly1305::aead::Payload;
        let cipher = XChaCha20Poly1305::new((&self.enc).into());
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: context,
                },
            )
            .expect("encryption cannot fail");
        let mut out = Vec::with_capacity(24 + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend(sealed);
        out
    }

    pub fn open_bytes(&self, context: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::Payload;
        if sealed.len() < 24 {
            return None;
        }
        XChaCha20Poly1305::new((&self.enc).into())
            .decrypt(
                XNonce::from_slice(&sealed[..24]),
                Payload {
                    msg: &sealed[24..],
                    aad: context,
                },
            )
            .ok()
    }

    pub fn decrypt(&self, stored: &str) -> Option<String> {
        let bytes = STANDARD_NO_PAD.decode(stored).ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let cipher = XChaCha20Poly1305::new((&self.enc).into());
        let plain = cipher
            .decrypt(XNonce::from_slice(&bytes[..24]), &bytes[24..])
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// The keyed hash of a code given to a person (a tracking query code, a party link code), bound to its purpose
    /// and its receipt number: a leaked table gives neither the codes nor a way to test guesses offline.
    pub fn code_hash(&self, purpose: &str, receipt_no: &str, code: &str) -> String {
        format!(
            "h1:{}",
            hex::encode(hmac(
                &self.mac,
                format!("code:{purpose}:{receipt_no}:{}", normalize_code(code)).as_bytes()
            ))
        )
    }

    /// A signed link token: `<expires>.<mac>`, the MAC (HMAC-SHA256 with the server secret, 128 bits shown) over
    /// the purpose, the subject and the expiry. Nothing is stored: every instance sharing the secret verifies it.
    pub fn sign_link(&self, purpose: &str, subject: &str, expires_at: i64) -> String {
        let mac = hmac(
            &self.mac,
            format!("link:{purpose}:{subject}:{expires_at}").as_bytes(),
        );
        format!("{expires_at}.{}", hex::encode(&mac[..16]))
    }

    /// Checks a token made by [`Keys::sign_link`] for this purpose and subject, and that it has not expired at
    /// `now`. Malformed input of any length is simply not valid.
    pub fn verify_link(&self, purpose: &str, subject: &str, token: &str, now: i64) -> bool {
        let Some((exp, mac)) = token.split_once('.') else {
            return false;
        };
        if exp.len() > 16 || mac.len() != 32 {
            return false;
        }
        let Ok(expires_at) = exp.parse::<i64>() else {
            return false;
        };
        let expected = self.sign_link(purpose, subject, expires_at);
        constant_time_eq(expected.as_bytes(), token.as_bytes()) && now <= expires_at
    }

    /// The keyed hash used to find an ID number (uniqueness, look-up) without storing it in the clear.
    pub fn lookup_hash(&self, plain: &str) -> String {
        hex::encode(hmac(&self.mac, plain.as_bytes()))
    }
}

/// The TURN REST API password for `username` (coturn `use-auth-secret`): base64(HMAC-SHA1(shared secret, user
/// name)), padded, as coturn computes it. SHA-1 is the scheme's, not ours to choose; the credential lives hours.
pub fn turn_password(shared_secret: &[u8], username: &str) -> String {
    use base64::engine::general_purpose::STANDARD;
    let mut mac = <Hmac<sha1::Sha1> as Mac>::new_from_slice(shared_secret)
        .expect("HMAC takes any key length");
    mac.update(username.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// SHA-256 of a session token: the database keeps only this, so a leaked table opens no session.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// SHA-256 of a file's bytes, hex (kept with each evidence file to prove it was not changed).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The letters and digits of codes people read and type: no 0/O, 1/I/L, so nothing is misread (31 symbols, so 10
/// of them carry 49 bits).
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A fresh random code of `len` symbols from [`CODE_ALPHABET`] (uniform: bytes above the largest multiple of 31
/// are drawn again).
pub fn new_code(len: usize) -> String {
    let n = CODE_ALPHABET.len() as u8;
    let limit: u16 = 256 - 256 % n as u16;
    let mut out = String::with_capacity(len);
    let mut buf = [0u8; 1];
    while out.len() < len {
        rand::rngs::OsRng.fill_bytes(&mut buf);
        if (buf[0] as u16) < limit {
            out.push(CODE_ALPHABET[(buf[0] % n) as usize] as char);
        }
    }
    out
}

/// A code as typed ("abcde-fghjk", with spaces) to the form it was issued in.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .take(64)
        .collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A fresh 256-bit random token, URL-safe.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Argon2id with the crate's default (OWASP-recommended) parameters, on a blocking thread.
pub async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
        let salt = SaltString::generate(&mut OsRng);
        argon2::Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("argon2 hashing")
            .to_string()
    })
    .await
    .expect("password hashing task")
}

/// Verifies on a blocking thread. With `None` (no such account) it still spends the same work on a fixed hash,
/// so response time does not tell which login names exist.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{
            rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
        };
        let real = hash.is_some();
        let stored = hash.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| {
                    let salt = SaltString::generate(&mut OsRng);
                    argon2::Argon2::default()
                        .hash_password(b"no such account", &salt)
                        .expect("argon2")
                        .to_string()
                })
                .clone()
        });
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && real
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encryption_round_trips_and_is_randomised() {
        let keys = Keys::from_master(b"test master secret");
        let a = keys.encrypt("11010519491231002X");
        let b = keys.encrypt("11010519491231002X");
        assert_ne!(a, b);
        assert_eq!(keys.decrypt(&a).as_deref(), Some("11010519491231002X"));
        assert_eq!(Keys::from_master(b"another").decrypt(&a), None);
        assert_eq!(keys.lookup_hash("x"), keys.lookup_hash("x"));
        let t = keys.sign_link("invite", "m1", 1000);
        assert!(keys.verify_link("invite", "m1", &t, 1000));
        assert!(!keys.verify_link("invite", "m1", &t, 1001), "expired");
        assert!(!keys.verify_link("invite", "m2", &t, 0), "another subject");
        assert!(!keys.verify_link("other", "m1", &t, 0), "another purpose");
        assert!(!keys.verify_link("invite", "m1", &t.replace("1000.", "9999."), 0));
        for bad in ["", ".", "x.y", "1000.", "１０００.abc", &"9".repeat(5000)] {
            assert!(!keys.verify_link("invite", "m1", bad, 0), "{bad}");
        }
        assert_ne!(
            keys.lookup_hash("x"),
            Keys::from_master(b"another").lookup_hash("x")
        );
    }

    #[test]
    fn turn_passwords_follow_the_turn_rest_scheme() {
        // RFC 2202 test case 2 for HMAC-SHA1 ("Jefe" / "what do ya want for nothing?"), base64 of
        // effcdf6ae5eb2fa2d27416d5f184df9c259a7c79.
        assert_eq!(
            turn_password(b"Jefe", "what do ya want for nothing?"),
            "7/zfauXrL6LSdBbV8YTfnCWafHk="
        );
    }

    #[test]
    fn codes_are_long_unambiguous_and_typed_loosely() {
        let a = new_code(10);
        assert_eq!(a.len(), 10);
        assert!(a.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{a}");
        assert_ne!(a, new_code(10));
        // 31^10 > 2^40
        assert!((CODE_ALPHABET.len() as f64).powi(10).log2() >= 40.0);
        assert_eq!(normalize_code(" abcde-fghjk "), "ABCDEFGHJK");
        let keys = Keys::from_master(b"k");
        assert_eq!(
            keys.code_hash("track", "R1", "abcde fghjk"),
            keys.code_hash("track", "R1", "ABCDEFGHJK")
        );
        assert_ne!(
            keys.code_hash("track", "R1", "A"),
            keys.code_hash("track", "R2", "A")
        );
        assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd"));
    }

    #[tokio::test]
    async fn passwords_verify_only_with_the_right_hash() {
        let hash = hash_password("correct horse".into()).await;
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong horse".into(), Some(hash)).await);
        assert!(!verify_password("anything".into(), None).await);
    }
}
