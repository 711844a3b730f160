//! Masking of personal data wherever it is shown outside its owner's own pages, and in every log line.

/// 张三 → 张*, 欧阳娜娜 → 欧***; a one-character name keeps nothing: *.
pub fn name(full: &str) -> String {
    let mut chars = full.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let rest = chars.count();
            if rest == 0 {
                "*".to_string()
            } else {
                let mut out = String::with_capacity(4 + rest);
                out.push(first);
                out.extend(std::iter::repeat_n('*', rest));
                out
            }
        }
    }
}

/// 220202199001011234 → 220202********1234: the region stays (it is public on every court document), the birth
/// date and sequence go.
pub fn resident_id(id: &str) -> String {
    keep_ends(id, 6, 4)
}

/// 13812345678 → 138****5678.
pub fn mobile(m: &str) -> String {
    keep_ends(m, 3, 4)
}

/// zhangsan@example.cn → z*******@example.cn: the domain stays (it tells which mailbox to look in), the name goes.
pub fn email(address: &str) -> String {
    match address.trim().rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() => {
            let mut chars = local.chars();
            let first = chars.next().unwrap_or('*');
            format!("{first}{}@{domain}", "*".repeat(chars.count().max(1)))
        }
        _ => "*".repeat(address.chars().count()),
    }
}

fn keep_ends(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let mut out = String::with_capacity(chars.len());
    out.extend(&chars[..head]);
    out.extend(std::iter::repeat_n('*', chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_as_the_courts_do() {
        assert_eq!(super::name("张三"), "张*");
        assert_eq!(super::name("欧阳娜娜"), "欧***");
        assert_eq!(super::name("李"), "*");
        assert_eq!(
            super::resident_id("220202199001011234"),
            "220202********1234"
        );
        assert_eq!(super::mobile("13812345678"), "138****5678");
        assert_eq!(super::mobile("123"), "***");
        assert_eq!(super::email("zhangsan@example.cn"), "z*******@example.cn");
        assert_eq!(super::email("a@b.cn"), "a*@b.cn");
        assert_eq!(super::email("nonsense"), "********");
    }
}
