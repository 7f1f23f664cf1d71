-- Search cuts text into terms itself (app/src/search/terms.rs), the same way for both
-- engines: each page stores its terms, one space between each, and the tsvector is built
-- from them by position, without PostgreSQL's parser (which read "01/NQ-CP" as a file
-- path). Pages stored before this have no terms yet: the server fills them in at start.
drop index document_page_tsv;
alter table document_page drop column tsv;

alter table document_page add column terms text;
-- The order pages were stored in: search reads the newest matches first.
alter table document_page add column seq bigint generated always as identity;
create unique index document_page_by_seq on document_page (seq);

-- Terms are letters and digits only (no quote to escape); positions count from 1.
create function ecab_terms_vector(terms text) returns tsvector
language sql immutable strict parallel safe as $$
    select coalesce(string_agg('''' || t || ''':' || n, ' '), '')::tsvector
    from unnest(string_to_array(terms, ' ')) with ordinality as u(t, n)
    where t <> ''
$$;

alter table document_page
    add column tsv tsvector generated always as (ecab_terms_vector(terms)) stored;
-- Kept in the row, uncompressed: a phrase is checked against each candidate's positions,
-- and a vector moved out of line (the default once a page's texts fill the row) cost a TOAST
-- fetch per candidate: 30 ms for 1,244 candidates at 100,000 pages, 6 ms in the row. The
-- page's texts, read only for snippets, move out of line instead. (Rows written from here
-- on: those of before get their terms, and so a new row, when the server starts.)
alter table document_page alter column tsv set storage main;
create index document_page_tsv on document_page using gin (tsv);
