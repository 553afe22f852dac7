-- release: 0.13
-- Astakos 0.13, South migration im:0020 (13:snf-astakos-app/astakos/im/migrations/0020_auto.py): an index
-- on im_projectapplication.state.
CREATE INDEX im_projectapplication_state ON im_projectapplication (state);
