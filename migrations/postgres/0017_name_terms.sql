-- A document is found by its title and its file's name: each stores its terms (the same
-- tokenizer as pages, app/src/terms.rs), between spaces and with a space at each end, so a
-- phrase is a `like '% its terms %'` over short rows instead of folding every title a
-- person may see in Rust on every search (4-6 ms for 2,000 documents). Rows stored before
-- this get their terms when the server starts.
alter table document add column title_terms text;
alter table document_version add column file_terms text;
