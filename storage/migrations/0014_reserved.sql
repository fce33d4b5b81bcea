-- Reserved: another branch of this round adds its migration 0014 in parallel. This empty step
-- only keeps the numbers contiguous on the branch that adds 0015_incidents.sql; remove it when
-- the branches are merged (the numbers then come from the merged files).
SELECT 1;
