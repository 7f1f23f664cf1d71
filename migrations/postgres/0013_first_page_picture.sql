-- A picture of a PDF's first page (JPEG, 1024 pixels wide), made once when the file's text is
-- read: the reader shows it with the page while pdf.js loads. Kept per file, as blobs are, so
-- a file uploaded again or attached elsewhere shares it.
create table blob_picture (
    sha256 text primary key references blob (sha256) on delete cascade,
    jpeg bytea not null,
    width bigint not null check (width > 0),
    height bigint not null check (height > 0)
);
