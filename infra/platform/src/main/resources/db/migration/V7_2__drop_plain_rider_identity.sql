-- V7.1 sealed every plain name and phone; dropping the columns must never lose one that it did not seal.
do $$
begin
    if exists (select 1 from rider_identity where name is not null or phone is not null) then
        raise exception 'rider_identity still holds plain names or phones: migration 7.1 (sealing them) has not run';
    end if;
end
$$;

alter table rider_identity
    drop column name,
    drop column phone,
    add constraint rider_identity_sealed_or_erased
        check ((erased_at is null) = (name_ciphertext is not null and phone_ciphertext is not null));
