-- release: 0.13
-- revision: 2a309a9a3438
-- down_revision: 165ba3fbfe53
-- description: fix statistics negative population
-- Pithos alembic revision 2a309a9a3438 (.../versions/2a309a9a3438_fix_statistics_negat.py): negative
-- populations become 0.
UPDATE statistics SET population = 0 WHERE population < 0;
