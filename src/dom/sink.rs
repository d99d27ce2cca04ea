//! The tree html5ever's tree builder writes into: an arena of nodes linked by index (parent,
//! first and last child, previous and next sibling), elements and their attributes as the
//! tokenizer handed them over, text as the tokenizer's tendrils. Nothing is allocated per node
//! but what the tokenizer already allocated; [`super::Dom::new`] lists the tree in document order
//! once parsing is done.
//!
//! The tree is the one scraper's `HtmlTreeSink` builds (tests/it/sink.rs compares the two): a
//! `<template>`'s contents are a fragment node, its first child; adjacent text is merged when
//! appended, not when children are moved; comments, processing instructions and the doctype are
//! nodes without content (they still keep the texts on either side apart).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

use super::Tag;

/// A node's index in the arena.
pub(crate) type Handle = u32;

/// No node: the end of a list of siblings, or no parent.
pub(super) const NONE: Handle = Handle::MAX;

/// The document node, the root of the tree.
pub(super) const DOCUMENT: Handle = 0;

/// An element: its name and attributes, and the tag the extractor knows it by.
#[derive(Debug)]
pub(crate) struct Element {
    name: QualName,
    attrs: Vec<Attribute>,
    /// Where the `class` attribute, the one most asked for, stands in `attrs` (`u32::MAX`: none).
    class: u32,
    pub(super) tag: Tag,
}

impl Element {
    fn new(name: QualName, attrs: Vec<Attribute>) -> Element {
        let tag = Tag::from_name(&name.local);
        let mut element = Element {
            name,
            attrs,
            class: u32::MAX,
            tag,
        };
        element.order_attrs();
        element
    }

    /// The element's local name (`div`, `svg`, `title`), whatever its namespace.
    pub(crate) fn name(&self) -> &str {
        &self.name.local
    }

    /// The element's attributes, as local names and values.
    #[cfg(test)]
    pub(crate) fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs.iter().map(|a| (&*a.name.local, &*a.value))
    }

    /// The value of the last attribute with local name `name`: only that value is read.
    #[inline]
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        if name == "class" {
            return self.attrs.get(self.class as usize).map(|a| &*a.value);
        }
        let found = self.attrs.iter().rev().find(|a| *a.name.local == *name)?;
        Some(&found.value)
    }

    /// The values of the last attributes with local names `names`: only their values are read.
    pub(crate) fn attr_values<const N: usize>(&self, names: [&str; N]) -> [Option<&str>; N] {
        let mut values = [None; N];
        for a in &self.attrs {
            let local: &str = &a.name.local;
            if let Some(k) = names.iter().position(|n| *n == local) {
                values[k] = Some(&*a.value);
            }
        }
        values
    }

    /// Two attributes can share a local name only when one has a prefix (`href` and
    /// `xlink:href` in foreign content); they are then put in scraper's order (by qualified
    /// name), so that a lookup by local name finds the same one. Otherwise order is irrelevant.
    /// Then the place of the (last) `class` is noted.
    fn order_attrs(&mut self) {
        if self.attrs.iter().any(|a| a.name.prefix.is_some()) {
            self.attrs.sort_by(|a, b| a.name.cmp(&b.name));
        }
        self.class = self
            .attrs
            .iter()
            .rposition(|a| a.name.local == local_name!("class"))
            .map_or(u32::MAX, |k| k as u32);
    }
}

/// What a node is.
#[derive(Debug)]
pub(super) enum Data {
    Document,
    /// A template's contents.
    Fragment,
    /// An index in [`Document::elements`].
    Element(u32),
    Text(StrTendril),
    /// A comment, a processing instruction or the doctype: no content the extractor reads.
    Other,
}

/// One node and its links.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) parent: Handle,
    pub(super) first_child: Handle,
    pub(super) last_child: Handle,
    pub(super) prev_sibling: Handle,
    pub(super) next_sibling: Handle,
    pub(super) data: Data,
}

/// A parsed page: the tree as the tree builder left it.
#[derive(Debug)]
pub(crate) struct Document {
    pub(super) nodes: Vec<Node>,
    pub(super) elements: Vec<Element>,
    /// What [`TreeSink::elem_name`] answers for a node that is not an element (the tree builder
    /// never asks).
    no_name: QualName,
}

impl Document {
    fn new(nodes: usize, elements: usize) -> Document {
        let mut nodes = Vec::with_capacity(nodes);
        nodes.push(Node::new(Data::Document));
        Document {
            nodes,
            elements: Vec::with_capacity(elements),
            no_name: QualName::new(None, ns!(), local_name!("")),
        }
    }

    fn push(&mut self, data: Data) -> Handle {
        let handle = self.nodes.len() as Handle;
        self.nodes.push(Node::new(data));
        handle
    }

    fn element_mut(&mut self, node: Handle) -> Option<&mut Element> {
        match self.nodes[node as usize].data {
            Data::Element(e) => Some(&mut self.elements[e as usize]),
            _ => None,
        }
    }

    /// Unlinks `node` from its parent and siblings, if it has a parent.
    fn detach(&mut self, node: Handle) {
        let Node {
            parent,
            prev_sibling: prev,
            next_sibling: next,
            ..
        } = self.nodes[node as usize];
        if parent == NONE {
            return;
        }
        match prev {
            NONE => self.nodes[parent as usize].first_child = next,
            prev => self.nodes[prev as usize].next_sibling = next,
        }
        match next {
            NONE => self.nodes[parent as usize].last_child = prev,
            next => self.nodes[next as usize].prev_sibling = prev,
        }
        let n = &mut self.nodes[node as usize];
        (n.parent, n.prev_sibling, n.next_sibling) = (NONE, NONE, NONE);
    }

    /// Makes `child` the last child of `parent`, taking it from where it was.
    fn append_node(&mut self, parent: Handle, child: Handle) {
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        match last {
            NONE => self.nodes[parent as usize].first_child = child,
            last => self.nodes[last as usize].next_sibling = child,
        }
        self.nodes[parent as usize].last_child = child;
        let n = &mut self.nodes[child as usize];
        (n.parent, n.prev_sibling) = (parent, last);
    }

    /// Puts `node` just before `sibling`, which has a parent, taking it from where it was.
    fn insert_before(&mut self, sibling: Handle, node: Handle) {
        self.detach(node);
        let Node {
            parent,
            prev_sibling: prev,
            ..
        } = self.nodes[sibling as usize];
        match prev {
            NONE => self.nodes[parent as usize].first_child = node,
            prev => self.nodes[prev as usize].next_sibling = node,
        }
        self.nodes[sibling as usize].prev_sibling = node;
        let n = &mut self.nodes[node as usize];
        (n.parent, n.prev_sibling, n.next_sibling) = (parent, prev, sibling);
    }

    /// Appends `text` to the text node `node`, if it is one.
    fn extend_text(&mut self, node: Handle, text: &StrTendril) -> bool {
        if node == NONE {
            return false;
        }
        match &mut self.nodes[node as usize].data {
            Data::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }

    fn append(&mut self, parent: Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(node) => self.append_node(parent, node),
            NodeOrText::AppendText(text) => {
                if !self.extend_text(self.nodes[parent as usize].last_child, &text) {
                    let node = self.push(Data::Text(text));
                    self.append_node(parent, node);
                }
            }
        }
    }

    fn append_before_sibling(&mut self, sibling: Handle, new_node: NodeOrText<Handle>) {
        if let NodeOrText::AppendNode(node) = new_node {
            self.detach(node);
        }
        if self.nodes[sibling as usize].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(node) => self.insert_before(sibling, node),
            NodeOrText::AppendText(text) => {
                if !self.extend_text(self.nodes[sibling as usize].prev_sibling, &text) {
                    let node = self.push(Data::Text(text));
                    self.insert_before(sibling, node);
                }
            }
        }
    }

    /// Moves the children of `from`, in order, to the end of `to`'s (adjacent texts unmerged).
    fn reparent_children(&mut self, from: Handle, to: Handle) {
        let first = self.nodes[from as usize].first_child;
        if first == NONE {
            return;
        }
        let last = self.nodes[from as usize].last_child;
        let mut child = first;
        while child != NONE {
            self.nodes[child as usize].parent = to;
            child = self.nodes[child as usize].next_sibling;
        }
        let to_last = self.nodes[to as usize].last_child;
        match to_last {
            NONE => self.nodes[to as usize].first_child = first,
            to_last => self.nodes[to_last as usize].next_sibling = first,
        }
        self.nodes[first as usize].prev_sibling = to_last;
        self.nodes[to as usize].last_child = last;
        let f = &mut self.nodes[from as usize];
        (f.first_child, f.last_child) = (NONE, NONE);
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            data,
        }
    }
}

/// The [`TreeSink`] that builds a [`Document`].
#[derive(Debug)]
pub(super) struct Sink(RefCell<Document>);

impl Sink {
    /// A sink for the page `html`: room for as many nodes and as many elements as it has `<`
    /// (each tag makes at most one element, and one text after it), so that the arena seldom
    /// grows: growing the elements moves them all.
    pub(super) fn for_page(html: &str) -> Sink {
        let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
        Sink(RefCell::new(Document::new(tags + 16, tags + 16)))
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.0.into_inner()
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |d| match d.nodes[*target as usize].data {
            Data::Element(e) => &d.elements[e as usize].name,
            _ => &d.no_name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let mut d = self.0.borrow_mut();
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let index = d.elements.len() as u32;
        d.elements.push(Element::new(name, attrs));
        let node = d.push(Data::Element(index));
        if template {
            let contents = d.push(Data::Fragment);
            d.append_node(node, contents);
        }
        node
    }

    fn create_comment(&self, _: StrTendril) -> Handle {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> Handle {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.0.borrow_mut().append(*parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let mut d = self.0.borrow_mut();
        if d.nodes[*element as usize].parent == NONE {
            d.append(*prev_element, child);
        } else {
            d.append_before_sibling(*element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut d = self.0.borrow_mut();
        let doctype = d.push(Data::Other);
        d.append_node(DOCUMENT, doctype);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // A template's contents are created right after it.
        let contents = *target + 1;
        match self.0.borrow().nodes.get(contents as usize) {
            Some(Node {
                data: Data::Fragment,
                ..
            }) => contents,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.0
            .borrow_mut()
            .append_before_sibling(*sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut d = self.0.borrow_mut();
        let Some(element) = d.element_mut(*target) else {
            return;
        };
        for attr in attrs {
            if !element.attrs.iter().any(|a| a.name == attr.name) {
                element.attrs.push(attr);
            }
        }
        element.order_attrs();
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.0.borrow_mut().reparent_children(*node, *new_parent);
    }
}

#[cfg(test)]
impl Document {
    /// The whole tree as text, one node a line in document order (template contents and
    /// comments included): names with their namespaces, attributes in order, texts.
    pub(super) fn dump(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let mut stack = vec![(DOCUMENT, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            let n = &self.nodes[node as usize];
            let _ = match &n.data {
                Data::Document => writeln!(out, "{depth} #document"),
                Data::Fragment => writeln!(out, "{depth} #fragment"),
                Data::Other => writeln!(out, "{depth} #other"),
                Data::Text(t) => writeln!(out, "{depth} {:?}", &**t),
                Data::Element(e) => {
                    let e = &self.elements[*e as usize];
                    let attrs: Vec<_> = e
                        .attrs
                        .iter()
                        .map(|a| (&a.name.prefix, &*a.name.ns, &*a.name.local, &*a.value))
                        .collect();
                    writeln!(
                        out,
                        "{depth} <{} {}> {attrs:?}",
                        &*e.name.ns, &*e.name.local
                    )
                }
            };
            let mut children = Vec::new();
            let mut child = n.first_child;
            while child != NONE {
                children.push((child, depth + 1));
                child = self.nodes[child as usize].next_sibling;
            }
            stack.extend(children.into_iter().rev());
        }
        out
    }
}
