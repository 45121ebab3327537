-- Query side: the grid's gazetteer, to locate an address that names a grid cell or a community (Open311
-- address_string without lat/long). One row per cell with its names and boundary, projected from
-- GridCellDefinedEvent by the grid-gazetteer processor.
create table gazetteer_cell (
    cell_code      varchar(32)  primary key,
    name           varchar(100) not null,
    community_code varchar(32),
    community      varchar(100),
    boundary       text         not null
);
create index gazetteer_cell_community on gazetteer_cell (community);
