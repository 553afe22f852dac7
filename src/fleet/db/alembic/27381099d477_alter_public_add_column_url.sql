-- release: 0.13
-- revision: 27381099d477
-- down_revision: 165ba3fbfe53
-- description: alter public add column url
ALTER TABLE public ADD COLUMN url varchar(2048);
CREATE UNIQUE INDEX idx_public_url ON public (url);
