//! Stage 3: drop what is never content, whatever the page.

use crate::dom::{Dom, Tag};
use crate::removal::{Reason, Removal, Stage};

/// Marks every node that is never content, or lies inside one, as dead; records the outermost.
pub(crate) fn prune(dom: &Dom<'_>, removals: &mut Vec<Removal>) -> Vec<bool> {
    let mut dead = vec![false; dom.len()];
    for i in 0..dom.len() {
        let node = &dom.nodes[i];
        if node.parent != usize::MAX && dead[node.parent] {
            dead[i] = true;
            continue;
        }
        let reason = match node.tag {
            Tag::Void | Tag::Head | Tag::Title | Tag::Meta => Some(Reason::NeverContent {
                tag: node.element.map_or("", |e| e.name()).to_owned(),
            }),
            Tag::Text => None,
            _ => hidden(dom, i).map(|how| Reason::Hidden { how }),
        };
        if let Some(reason) = reason {
            dead[i] = true;
            removals.push(Removal {
                node: node.id,
                stage: Stage::Prune,
                reason,
            });
        }
    }
    dead
}

/// How element `i` is hidden from readers, if it is.
fn hidden(dom: &Dom<'_>, i: usize) -> Option<&'static str> {
    let element = dom.nodes[i].element?;
    if element.attr("hidden").is_some() {
        return Some("the hidden attribute");
    }
    if element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return Some("aria-hidden");
    }
    let style = element.attr("style")?;
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return Some("an inline style");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    #[test]
    fn scripts_and_hidden_nodes_die_with_their_subtrees() {
        let doc = parse(
            r#"<body><p>BODY_TEXT</p><script>MENU_TEXT</script>
            <div style="display: none"><p>MENU_TEXT</p></div><div aria-hidden="true">MENU_TEXT</div>
            <div hidden>MENU_TEXT</div></body>"#,
        );
        let dom = Dom::new(&doc);
        let mut removals = Vec::new();
        let dead = prune(&dom, &mut removals);
        let live: String = (0..dom.len())
            .filter(|&i| !dead[i])
            .map(|i| dom.nodes[i].text)
            .collect();
        assert!(live.contains("BODY_TEXT"));
        assert!(!live.contains("MENU_TEXT"));
        // head, script, three hidden divs: one record each, none for their descendants.
        assert_eq!(removals.len(), 5);
    }
}
