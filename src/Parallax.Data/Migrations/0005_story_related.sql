-- Stories on the same topic about another event, as the session ranks them, most similar first.
CREATE TABLE story_related (
    story_id BIGINT NOT NULL REFERENCES stories (id),
    related_id BIGINT NOT NULL REFERENCES stories (id),
    similarity DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (story_id, related_id)
);
