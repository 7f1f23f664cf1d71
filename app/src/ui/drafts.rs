//! What someone typed or ticked and has not saved yet, kept while the page re-reads.
//!
//! A page of several forms (the meeting editor) re-reads and re-renders after each save and on
//! live changes. Without this, saving one form — or another clerk's change — would throw away
//! what was being written in the others. Each field takes its signal from the page's [`Drafts`]
//! by a key: the same key gives the same signal across re-renders. When the page re-reads, a
//! field nobody changed takes the server's new value; a changed one keeps what was typed until
//! it is saved (then the server's value and the typed one agree) or the page is left.
use std::any::Any;
use std::collections::HashMap;

use leptos::prelude::*;

/// One field: the server's value it was last given, and the signal the form binds.
struct Entry<T: 'static> {
    server: T,
    signal: RwSignal<T>,
}

struct Board {
    /// The page's owner: the signals live as long as the page, not one rendering of a form.
    owner: Owner,
    fields: HashMap<String, Box<dyn Any + Send + Sync>>,
}

/// The unsaved values of a page's forms (provide it once, in the page component).
#[derive(Clone, Copy)]
pub struct Drafts(StoredValue<Board>);

impl Drafts {
    /// A board for the page being rendered, provided as context for its forms.
    pub fn provide() -> Drafts {
        let owner = Owner::current().unwrap_or_default();
        let drafts = Drafts(StoredValue::new(Board {
            owner,
            fields: HashMap::new(),
        }));
        provide_context(drafts);
        drafts
    }

    /// The signal of the field `key`, which the server now says holds `server`.
    pub fn field<T>(&self, key: String, server: T) -> RwSignal<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let fallback = server.clone();
        self.0
            .try_update_value(|board| {
                let known = board
                    .fields
                    .get_mut(&key)
                    .and_then(|e| e.downcast_mut::<Entry<T>>());
                match known {
                    Some(entry) => {
                        let typed = entry.signal.get_untracked();
                        if typed == entry.server && typed != server {
                            // Untouched: it follows the server.
                            entry.signal.set(server.clone());
                        }
                        entry.server = server;
                        entry.signal
                    }
                    None => {
                        let signal = board.owner.with(|| RwSignal::new(server.clone()));
                        board.fields.insert(key, Box::new(Entry { server, signal }));
                        signal
                    }
                }
            })
            .unwrap_or_else(|| RwSignal::new(fallback))
    }

    /// The signal of `key` from the page's board, or a signal of its own where the page keeps
    /// no board (the same form used elsewhere).
    pub fn field_in_context<T>(key: String, server: T) -> RwSignal<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        match use_context::<Drafts>() {
            Some(drafts) => drafts.field(key, server),
            None => RwSignal::new(server),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untouched_field_follows_the_server_and_a_changed_one_keeps_what_was_typed() {
        let owner = Owner::new();
        owner.with(|| {
            let drafts = Drafts::provide();
            let title = |server: &str| drafts.field("title".to_owned(), server.to_owned());
            let field = title("Phiên họp");
            // Nobody touched it: a re-read with a new value shows the new value.
            assert_eq!(
                title("Phiên họp tháng 1").get_untracked(),
                "Phiên họp tháng 1"
            );
            // Typed over, then re-read twice (another form saved, a live change).
            field.set("Phiên họp (sửa)".to_owned());
            assert_eq!(
                title("Phiên họp tháng 1").get_untracked(),
                "Phiên họp (sửa)"
            );
            assert_eq!(
                title("Phiên họp tháng 2").get_untracked(),
                "Phiên họp (sửa)"
            );
            // Saved: the server agrees, so it follows the server again.
            assert_eq!(title("Phiên họp (sửa)").get_untracked(), "Phiên họp (sửa)");
            assert_eq!(
                title("Phiên họp tháng 3").get_untracked(),
                "Phiên họp tháng 3"
            );
            // The same signal all along, and another key is another field.
            assert_eq!(title("x"), field);
            let other = drafts.field("guest".to_owned(), true);
            assert!(other.get_untracked());
        });
    }
}
