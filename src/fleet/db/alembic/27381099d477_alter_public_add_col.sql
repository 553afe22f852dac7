-- release: 0.13
-- revision: 27381099d477
-- down_revision: 2a309a9a3438
-- description: alter public add column url
-- Pithos alembic revision 27381099d477, the 0.13 head (.../versions/27381099d477_alter_public_add_col.py:
-- 16-35): public.url with the unique constraint idx_public_url, filled for the existing public objects
-- with encode_url(public_id + 42) of 13:snf-pithos-app/pithos/api/short_url.py (ULTIMATE_ANSWER = 42,
-- 13:snf-pithos-backend/pithos/backends/modular.py:100). That encoding, written here from its facts:
-- the low 24 bits of the number are reversed (higher bits stay), the result is written in base 31 with
-- the digits 'mn6j2c4rv8bpygw95z7hsdaetxuk3fq' and padded on the left with 'm' to 5 characters.
ALTER TABLE public ADD COLUMN url varchar(2048);
ALTER TABLE public ADD CONSTRAINT idx_public_url UNIQUE (url);
CREATE FUNCTION pg_temp.pithos_short_url(n bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    digits constant text := 'mn6j2c4rv8bpygw95z7hsdaetxuk3fq';
    low constant bigint := n & 16777215;
    x bigint := n & ~16777215::bigint;
    code text := '';
BEGIN
    FOR bit IN 0..23 LOOP
        IF (low >> bit) & 1 = 1 THEN
            x := x | (1::bigint << (23 - bit));
        END IF;
    END LOOP;
    LOOP
        code := substr(digits, (x % 31)::int + 1, 1) || code;
        x := x / 31;
        EXIT WHEN x = 0;
    END LOOP;
    RETURN repeat('m', greatest(0, 5 - length(code))) || code;
END
$$;
UPDATE public SET url = pg_temp.pithos_short_url(public_id + 42);
