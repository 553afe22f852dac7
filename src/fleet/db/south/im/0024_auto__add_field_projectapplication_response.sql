-- release: 0.13
-- Astakos 0.13, South migration im:0024 (13:snf-astakos-app/astakos/im/migrations/0024_*.py): the answer
-- to an application.
ALTER TABLE im_projectapplication ADD COLUMN response text;
