//! Before parsing: bytes to text, and the cuts that spare the parser what is never content.

pub(crate) mod cut;
pub(crate) mod decode;
pub(crate) mod nesting;
pub(crate) mod scan;

use std::borrow::Cow;

/// The page as the parser should see it: scripts, styles, drawings, unread attributes and
/// indentation cut ([`cut::strip`]), and nesting and attribute counts capped ([`nesting::cap`])
/// where the cut's survey cannot vouch for them.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    let (stripped, survey) = cut::strip(html);
    if survey.complete
        && survey.depth <= nesting::MAX_DEPTH
        && survey.attributes <= nesting::MAX_ATTRIBUTES
    {
        stripped
    } else {
        Cow::Owned(nesting::cap(&stripped).into_owned())
    }
}
