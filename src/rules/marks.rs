//! Rule marks: every word or tag by which the markup names an element as boilerplate, in one
//! table, each with the roles later stages ask about (a comment thread, a widget, a listing's
//! wrapper, a part of a listing entry, a product page's furniture).
//!
//! A [`Mark`] is a small `Copy` index into [`MARKS`]: stages ask it [`Mark::is`] a [`Role`], never
//! compare its word, which only the explain view shows. A word missing from the table is a
//! compile error where a constant names it, and a failing test where a matcher list does.

/// The roles a mark can play, as bits of a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Role(u16);

/// None of the roles below: plain boilerplate (a menu, a share bar, a footer).
const NONE: Role = Role(0);
/// Comments and replies: the content of a forum thread, boilerplate elsewhere.
pub(crate) const COMMENT: Role = Role(1);
/// Boilerplate that may hold more prose than the article beside it (comments, galleries).
pub(crate) const OUTGROWING: Role = Role(1 << 1);
/// A widget, not a part of the page: menus drop down and tabs switch, but so do accordions and
/// tab panels of prose.
pub(crate) const WIDGET: Role = Role(1 << 2);
/// A name of a page's layout or subject: on a listing, an element so named that holds most of
/// the page's text is the page's wrapper.
pub(crate) const WRAPPER: Role = Role(1 << 3);
/// On a listing item: the kind of entry.
pub(crate) const ENTRY_KIND: Role = Role(1 << 4);
/// Inside a listing item: a part of the entry (its meta line, byline, tags, teaser).
pub(crate) const ENTRY_PART: Role = Role(1 << 5);
/// Inside a listing item: its title bar, when it holds a heading or lies in one.
pub(crate) const ENTRY_HEADER: Role = Role(1 << 6);
/// A product page's furniture: reviews, ratings, questions, up-sells, price boxes.
pub(crate) const FURNITURE: Role = Role(1 << 7);
/// Furniture that names a small box (a price is a line): a large element so named is a layout
/// wrapper around the description.
pub(crate) const PRICE_BOX: Role = Role(1 << 8);
/// The site's own chrome, never the article whatever the page's other markup says: its footer,
/// sign-up and consent boxes, pop-ups and dialogs, its cart.
pub(crate) const CHROME: Role = Role(1 << 9);
/// A way around the site: menus, navigation bars, breadcrumbs, pagers, tabs.
pub(crate) const NAVIGATION: Role = Role(1 << 10);
/// A set of pictures (a gallery, a slideshow): on a product page, the product's own pictures and
/// the captions that describe its features.
pub(crate) const PICTURES: Role = Role(1 << 11);
/// A class or id naming a heading's box: a page's banner, an article's title block, but also a
/// section's heading with its copy, which one holding mostly prose is.
pub(crate) const HEADING_BOX: Role = Role(1 << 12);
/// Judged by the element's structure, not by a name: whatever prose it holds, it is not a
/// wrapper with an unlucky name (a dump of a shop's data fields).
pub(crate) const STRUCTURAL: Role = Role(1 << 13);

/// A word themes use for boxes of every kind (`widget`): a sidebar's, but a run of them holding
/// paragraphs of prose are the page's items (the products a roundup reviews).
pub(crate) const PROSE_BLOCK: Role = Role(1 << 14);

impl Role {
    /// Both roles.
    pub(crate) const fn with(self, other: Role) -> Role {
        Role(self.0 | other.0)
    }
}

/// Every mark: the word or tag that says it, as explain shows it, and its roles. Words are
/// unique; tags are written `<tag>`.
pub(crate) const MARKS: &[(&str, Role)] = &[
    ("<nav>", NAVIGATION),
    ("<aside>", NONE),
    ("<footer>", CHROME),
    ("<header>", ENTRY_HEADER),
    ("itemtype Comment", COMMENT),
    ("comment", COMMENT.with(OUTGROWING)),
    ("disqus", COMMENT.with(OUTGROWING)),
    ("sidebar", NONE),
    ("side-bar", NONE),
    ("related", NONE),
    ("share", NONE),
    ("sharing", NONE),
    ("social", NONE),
    ("footer", CHROME),
    ("breadcrumb", NAVIGATION),
    ("cookie", CHROME),
    ("consent", CHROME),
    ("gdpr", CHROME),
    ("newsletter", CHROME),
    ("subscri", CHROME),
    ("promo", NONE),
    ("advert", NONE),
    ("sponsor", NONE),
    ("popup", CHROME),
    ("editsection", CHROME),
    ("popover", CHROME),
    ("rollover", NONE),
    ("hovercard", NONE),
    ("modal", CHROME),
    ("minicart", CHROME),
    ("navbar", NAVIGATION),
    ("navigation", NAVIGATION),
    ("masthead", NONE),
    ("skyscraper", NONE),
    ("outbrain", NONE),
    ("taboola", NONE),
    ("recommend", NONE),
    ("mostread", NONE),
    ("most-read", NONE),
    ("trending", NONE),
    ("gallery", OUTGROWING.with(PICTURES)),
    ("slideshow", OUTGROWING.with(PICTURES)),
    ("signup", CHROME),
    ("sign-up", CHROME),
    ("byline", ENTRY_PART),
    ("author-bio", NONE),
    ("authorbio", NONE),
    ("pagination", NAVIGATION),
    ("pager", NAVIGATION),
    ("toolbar", NAVIGATION),
    ("shoutbox", NONE),
    ("rss", NONE),
    ("teaser", ENTRY_KIND.with(ENTRY_PART)),
    ("read-more", NONE),
    ("more-stories", NONE),
    ("morestories", NONE),
    ("more-news", NONE),
    ("more-from", NONE),
    ("more-article", NONE),
    ("more-post", NONE),
    ("more-on", NONE),
    ("more-in-", NONE),
    ("view-more", NONE),
    ("readmore", NONE),
    ("see-also", NONE),
    ("ticker", NONE),
    ("dropdown", WIDGET.with(NAVIGATION)),
    ("offcanvas", WRAPPER),
    ("off-canvas", WRAPPER),
    ("overlay", NONE),
    ("widget", PROSE_BLOCK),
    ("nav", NAVIGATION),
    ("menu", NAVIGATION),
    ("ad", NONE),
    ("ads", NONE),
    ("adv", NONE),
    ("aside", NONE),
    ("tags", WRAPPER.with(ENTRY_KIND).with(ENTRY_PART)),
    ("tag", WRAPPER.with(ENTRY_KIND).with(ENTRY_PART)),
    ("meta", ENTRY_PART),
    ("header", WRAPPER.with(ENTRY_HEADER).with(HEADING_BOX)),
    ("extra", ENTRY_KIND.with(ENTRY_PART)),
    ("community", NONE),
    ("reply", COMMENT),
    ("replies", COMMENT),
    ("respond", COMMENT),
    ("feedback", NONE),
    ("secondary", NONE),
    ("complementary", NONE),
    ("credit", ENTRY_PART),
    ("credits", ENTRY_PART),
    ("print", NONE),
    ("login", CHROME),
    ("topbar", NAVIGATION),
    ("copyright", CHROME),
    ("legal", NONE),
    ("categories", WRAPPER.with(ENTRY_KIND).with(ENTRY_PART)),
    ("category", WRAPPER.with(ENTRY_KIND).with(ENTRY_PART)),
    ("author", ENTRY_PART),
    ("signature", NONE),
    ("menubar", NAVIGATION),
    ("banner", NONE),
    ("contentinfo", CHROME),
    ("search", NONE),
    ("alert", NONE),
    ("alertdialog", CHROME),
    ("dialog", CHROME),
    ("tablist", WIDGET.with(NAVIGATION)),
    ("tab", WIDGET.with(NAVIGATION)),
    ("review", FURNITURE),
    ("reviews", FURNITURE),
    ("reviewer", FURNITURE),
    ("rating", FURNITURE),
    ("ratings", FURNITURE),
    ("upsell", FURNITURE),
    ("upsells", FURNITURE),
    ("crosssell", FURNITURE),
    ("crosssells", FURNITURE),
    ("qna", FURNITURE),
    ("questions", FURNITURE),
    ("price", FURNITURE.with(PRICE_BOX)),
    ("prices", FURNITURE.with(PRICE_BOX)),
    ("pricing", FURNITURE.with(PRICE_BOX)),
    ("recently viewed", FURNITURE),
    ("tooltip", FURNITURE),
    ("other products", FURNITURE),
    ("e-mail sign-up", CHROME),
    ("itemprop review", FURNITURE),
    ("field dump", FURNITURE.with(STRUCTURAL)),
    ("link list", FURNITURE),
];

/// One row of [`MARKS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Mark(u8);

impl Mark {
    /// The mark of `word`; a compile error in a constant, a panic elsewhere, when the table
    /// lacks it.
    pub(crate) const fn named(word: &str) -> Mark {
        let mut k = 0;
        while k < MARKS.len() {
            if same(MARKS[k].0.as_bytes(), word.as_bytes()) {
                return Mark(k as u8);
            }
            k += 1;
        }
        panic!("a mark word is missing from MARKS");
    }

    /// The word or tag that made this mark, for the explain view and removal reasons.
    pub(crate) fn word(self) -> &'static str {
        MARKS[usize::from(self.0)].0
    }

    /// Whether this mark plays `role`.
    pub(crate) fn is(self, role: Role) -> bool {
        MARKS[usize::from(self.0)].1.0 & role.0 != 0
    }
}

/// Byte-wise equality, usable in constants.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Marks of the tags that name boilerplate, and of comment markup.
pub(crate) const NAV: Mark = Mark::named("<nav>");
pub(crate) const ASIDE: Mark = Mark::named("<aside>");
pub(crate) const FOOTER: Mark = Mark::named("<footer>");
pub(crate) const HEADER: Mark = Mark::named("<header>");
pub(crate) const COMMENT_ITEM: Mark = Mark::named("itemtype Comment");
/// Review and rating markup (`itemprop=review`, `itemtype=Review`).
pub(crate) const REVIEW_ITEM: Mark = Mark::named("itemprop review");
/// A grid or carousel of other products on a product page (cards with a price and a link).
pub(crate) const OTHER_PRODUCTS: Mark = Mark::named("other products");
/// The small box around an e-mail field: a newsletter sign-up, a log-in, an alert.
pub(crate) const SIGN_UP: Mark = Mark::named("e-mail sign-up");
/// A product page's list of the shop's data fields by their machine names (`care_chunk-1:`).
pub(crate) const FIELD_DUMP: Mark = Mark::named("field dump");
/// A list of bare links on a product page: the shop's brands, categories and searches.
pub(crate) const LINK_LIST: Mark = Mark::named("link list");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_and_fit_the_index() {
        assert!(MARKS.len() <= usize::from(u8::MAX));
        for (k, (word, _)) in MARKS.iter().enumerate() {
            assert_eq!(Mark::named(word), Mark(k as u8), "{word} is listed twice");
        }
    }

    #[test]
    fn roles_are_asked_by_role() {
        let comment = Mark::named("comment");
        assert!(comment.is(COMMENT) && comment.is(OUTGROWING) && !comment.is(WIDGET));
        assert!(Mark::named("tags").is(ENTRY_PART) && Mark::named("tags").is(WRAPPER));
        assert!(Mark::named("price").is(FURNITURE.with(PRICE_BOX)));
        assert!(!NAV.is(COMMENT.with(WIDGET).with(WRAPPER).with(FURNITURE)));
        assert_eq!(REVIEW_ITEM.word(), "itemprop review");
        assert!(FOOTER.is(CHROME) && Mark::named("newsletter").is(CHROME));
        assert!(!NAV.is(CHROME) && !Mark::named("comment").is(CHROME));
        assert!(NAV.is(NAVIGATION) && Mark::named("menu").is(NAVIGATION));
        assert!(Mark::named("tab").is(WIDGET) && !Mark::named("subscri").is(NAVIGATION));
    }
}
