// The location and station this desk serves walk-up visitors at, kept per desk. Never sends a
// command: it only tells the section where this desk is.

import { useId } from 'react';
import { STATION_MAX } from '../../shared/domain/visit';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import type { WalkUpPlace } from '../app/ui-state';

interface PlaceChooserProps {
  locations: WalkUpLocation[];
  place: WalkUpPlace;
  onChange: (place: WalkUpPlace) => void;
}

export function PlaceChooser({ locations, place, onChange }: PlaceChooserProps) {
  const id = useId();
  return (
    <div className="walk-up-place" role="group" aria-label="Where this desk serves">
      <div className="field">
        <label htmlFor={`${id}-location`}>Location</label>
        <select
          id={`${id}-location`}
          value={place.location ?? ''}
          onChange={(e) => onChange({ ...place, location: e.target.value || null })}
        >
          <option value="">Choose a location…</option>
          {locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-station`}>Station</label>
        <input
          id={`${id}-station`}
          type="text"
          value={place.station}
          maxLength={STATION_MAX}
          placeholder="e.g. Counter 2"
          aria-describedby={`${id}-station-hint`}
          onChange={(e) => onChange({ ...place, station: e.target.value })}
        />
        <p id={`${id}-station-hint`} className="field-hint">
          Called visitors are told to come to this station.
        </p>
      </div>
    </div>
  );
}
