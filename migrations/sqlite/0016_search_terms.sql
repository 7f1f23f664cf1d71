-- Search cuts text into terms itself (app/src/search/terms.rs), the same way for both
-- engines: each page stores its terms, one space between each, and the index reads those
-- with FTS5's `ascii` tokenizer (which splits on the spaces and changes nothing else).
-- Pages stored before this have no terms yet: the server fills them in at start.
drop trigger document_page_fts_insert;
drop trigger document_page_fts_delete;
drop table document_page_fts;

alter table document_page add column terms text;

create virtual table document_page_terms using fts5 (
    terms,
    content = 'document_page',
    content_rowid = 'rowid',
    tokenize = 'ascii'
);
create trigger document_page_terms_insert after insert on document_page
when new.terms is not null begin
    insert into document_page_terms (rowid, terms) values (new.rowid, new.terms);
end;
create trigger document_page_terms_delete after delete on document_page
when old.terms is not null begin
    insert into document_page_terms (document_page_terms, rowid, terms)
    values ('delete', old.rowid, old.terms);
end;
create trigger document_page_terms_update after update of terms on document_page begin
    insert into document_page_terms (document_page_terms, rowid, terms)
    select 'delete', old.rowid, old.terms where old.terms is not null;
    insert into document_page_terms (rowid, terms)
    select new.rowid, new.terms where new.terms is not null;
end;
