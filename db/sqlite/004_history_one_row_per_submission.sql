-- Answer history kept one row per answer, clustered by offering user: a submission of five answers inserted five
-- rows into the middle of the table's tree, which split a page every other submission and made history three
-- quarters of the writer's work. Now a row holds the entries one write appended for one offering user (a submission's),
-- in a table with row ids (appended at its end), found by an index with one entry per row. Rows of one offering user
-- cover disjoint, ordered ranges of sequence numbers, first to last.
CREATE TABLE answer_history_rows (
    offering_user_id blob    NOT NULL,
    sequence         integer NOT NULL,
    last_sequence    integer NOT NULL,
    entry_count      integer NOT NULL,
    -- A JSON array of the entries in sequence order; timestamps are ticks, as in every other column.
    entries          text    NOT NULL,
    UNIQUE (offering_user_id, sequence)
);
INSERT INTO answer_history_rows (offering_user_id, sequence, last_sequence, entry_count, entries)
SELECT offering_user_id, sequence, sequence, 1, json_array(json_object(
        'OfferingUserId', offering_user_id, 'CompletionId', completion_id, 'QuestionId', question_id,
        'QuestionDescription', question_description, 'AnswerJson', answer, 'UserId', user_id, 'UserName', user_name,
        'Submitted', submitted, 'Sequence', sequence))
FROM answer_history ORDER BY offering_user_id, sequence;
DROP TABLE answer_history;
ALTER TABLE answer_history_rows RENAME TO answer_history;
