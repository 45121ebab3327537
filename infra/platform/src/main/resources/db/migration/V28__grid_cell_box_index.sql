-- Finding the cells around a report's point: a GiST index on each cell's bounding box instead of a B-tree on its
-- four bounds, which could narrow the search by the first bound only (min_lat <= the point's latitude: on average
-- half of the city's cells read for each report). Queried with && against the point as a box of no size.
create index grid_cell_box on grid_cell using gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
drop index grid_cell_bbox;
