//! The top layer: the HTML shell, the routes and the pages they load, the layout and the
//! navigation. Nothing imports it; it imports the domains.
pub mod composed;
pub mod hydration;
pub mod layout;
pub mod nav;
pub mod pages;
pub mod shell;
