-- Reserved: another branch of the #15 work adds its migration 0012 in parallel. This empty step
-- only keeps the numbers contiguous on the branch that adds 0013_sender.sql; remove it when the
-- branches are merged (the numbers then come from the merged files).
SELECT 1;
