-- Issue #23: who sent each photo, and when. The uploader may read back what they sent; an upload that no case
-- holds after gridwhistle.photos.unattached-ttl is deleted (PhotoExpiry), and a refused report's photos at once.
create table photo_upload (
    sha256      text        not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null,
    primary key (sha256, uploaded_by)
);

create index photo_upload_by_age on photo_upload (uploaded_at);
