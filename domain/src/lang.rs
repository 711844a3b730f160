use serde::{Deserialize, Serialize};

/// The languages the portal serves in. Chinese is the default; Korean because the Yanbian courts work in both
/// languages; English for everyone else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::Ko, Lang::En];

    /// The BCP 47 tag used in `<html lang>`, cookies and `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's own name for itself, as a language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// Reads a tag such as `ko`, `ko-KR`, `en-GB` or `zh-Hans-CN`; anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, in the order the client listed them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Lang::from_tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_and_accept_language() {
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("zh_Hans_CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(
            Lang::from_accept_language("fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.5"),
            Some(Lang::Ko)
        );
        assert_eq!(Lang::from_accept_language(""), None);
    }
}
