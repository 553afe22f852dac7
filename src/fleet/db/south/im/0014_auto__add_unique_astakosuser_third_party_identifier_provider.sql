-- release: 0.12
-- South migration im:0014 of 0.12.5: only a unique constraint on (third_party_identifier, provider)
-- (12:snf-astakos-app/astakos/im/migrations/0014_auto__add_unique_astakosuser_third_party_identifier_provider.py:12).
ALTER TABLE im_astakosuser ADD CONSTRAINT im_astakosuser_third_party_identifier_provider_uniq
    UNIQUE (third_party_identifier, provider);
